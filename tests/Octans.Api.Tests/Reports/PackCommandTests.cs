using System.Diagnostics;
using Hangfire.PostgreSql;
using Marten;
using Npgsql;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.Tests.Operations;
using Octans.Domain;
using Octans.Testing;

namespace Octans.Api.Tests.Reports;

public sealed class PackCommandTests
{
    [Fact]
    public async Task The_pack_command_writes_the_pdf_without_starting_Hangfire()
    {
        await using var database = await TestDatabase.CreateAsync();
        using (var store = DocumentStore.For(options => options.ConfigureOctans(database.ConnectionString, createSchema: true)))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await ReferenceDataStorage.SeedAsync(store, CancellationToken.None);
            var problem = ProblemScript.Report("HT-0001", "Street lights out on Wenlock Street", new DateTimeOffset(2026, 10, 2, 10, 0, 0, TimeSpan.Zero));
            await using var session = store.LightweightSession();
            session.Events.StartStream<Problem>(problem.Id, [.. problem.Events]);
            await session.SaveChangesAsync();
        }
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            PostgreSqlObjectsInstaller.Install(connection, DatabaseSettings.HangfireSchema);
        }
        var output = Path.Combine(Path.GetTempPath(), $"octans-cli-pack-{Guid.NewGuid():N}.pdf");

        try
        {
            var (exitCode, log) = await OctansProcess.RunAsync($"pack --area \"High Town\" --month 2026-10 --out \"{output}\"", database.ConnectionString);

            exitCode.ShouldBe(0, log);
            log.ShouldContain($"Wrote the High Town pack for October 2026 to {output}");
            var text = Run("pdftotext", $"\"{output}\" -");
            text.ShouldContain("Operation Octans — High Town progress pack");
            text.ShouldContain("HT-0001 · Street lights out on Wenlock Street");
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var servers = new NpgsqlCommand($"select count(*) from {DatabaseSettings.HangfireSchema}.server", connection);
            (await servers.ExecuteScalarAsync()).ShouldBe(0L, "no Hangfire server should have started");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Theory]
    [InlineData("pack --month 2026-10 --out pack.pdf", "pack: Give the area with --area, e.g. --area \"High Town\".")]
    [InlineData("pack --area \"High Town\" --month 2026-1 --out pack.pdf", "pack: '2026-1' is not a month; write it as year and month, e.g. --month 2026-10.")]
    [InlineData("pack --area \"High Town\" --month 2026-10", "pack: Give the file to write with --out, e.g. --out pack.pdf.")]
    [InlineData("pack --area \"High Town\" --month 2026-10 --out /no/such/folder/pack.pdf", "pack: The folder /no/such/folder does not exist; create it or write the pack somewhere else.")]
    public async Task Bad_arguments_are_refused_with_a_message_that_says_what_to_give(string arguments, string message)
    {
        var (exitCode, log) = await OctansProcess.RunAsync(arguments, "Host=127.0.0.1;Port=1;Database=octans;Username=octans;Password=none");

        exitCode.ShouldNotBe(0);
        log.ShouldContain(message);
    }

    [Fact]
    public async Task An_unknown_area_is_refused_with_the_areas_Octans_knows()
    {
        await using var database = await TestDatabase.CreateAsync();
        using (var store = DocumentStore.For(options => options.ConfigureOctans(database.ConnectionString, createSchema: true)))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await ReferenceDataStorage.SeedAsync(store, CancellationToken.None);
        }

        var (exitCode, log) = await OctansProcess.RunAsync("pack --area \"Low Town\" --month 2026-10 --out pack.pdf", database.ConnectionString);

        exitCode.ShouldNotBe(0);
        log.ShouldContain("pack: There is no area called 'Low Town'. Octans knows: High Town.");
    }

    private static string Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, errors);
        return System.Text.RegularExpressions.Regex.Replace(output.Result, @"\s+", " ");
    }
}
