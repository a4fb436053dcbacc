using System.Diagnostics;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Octans.Api.Demo;
using Octans.Api.Setup;
using Octans.Api.Reports.Producing;
using Octans.Api.SigningIn;
using Octans.Api.Tests.Reports;
using Octans.Reports.MonthlyPacks;
using Octans.Testing;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Operations;

[Collection(ApiCollection.Name)]
public sealed class BackupTests(AppFixture app)
{
    [Fact]
    public async Task A_backup_restored_into_an_empty_database_serves_the_same_problems_and_renders_the_same_packs_again()
    {
        var (area, lights, alley) = await app.CreateAreaAsync();
        var october = PackMonth.Parse("2026-10");
        var kept = await app.Host.Services.GetRequiredService<MonthlyPackJob>().RenderAndKeepAsync(area.Name, october, CancellationToken.None);
        string[] reads =
        [
            $"/api/problems?area={Uri.EscapeDataString(area.Name)}", $"/api/problems/{lights.Id}", $"/api/problems/{alley.Id}",
            $"/api/problems/{lights.Id}/timeline", $"/api/problems/{lights.Id}/notes", "/api/reports", $"/api/reports/{kept.Id}/pdf",
        ];
        var before = await ReadAllAsync(app.Host.Server.CreateClient(), reads);
        var file = Path.Combine(Path.GetTempPath(), $"octans-backup-{Guid.NewGuid():N}.dump");
        await using var restored = await TestDatabase.CreateAsync();

        try
        {
            (await Ops("backup", file, app.Database)).ShouldContain($"wrote {file}");
            (await Ops("restore", file, restored)).ShouldContain($"restored {file} into database {restored.Name}");
            await OctansProcess.ApplySchemaAsync(restored);
            // Its own process, as an operator would start it: Hangfire keeps its settings in statics one host per process.
            await using var octans = await OctansProcess.ServeAsync(restored.AppConnectionString);
            await octans.WaitForOutput("The database is ready");

            var after = await ReadAllAsync(new HttpClient { BaseAddress = octans.Address }, reads);

            after.Keys.ShouldBe(before.Keys);
            foreach (var read in reads) after[read].ShouldBe(before[read], read);
            using var store = DocumentStore.For(options => options.ConfigureOctans(restored.AppConnectionString, createSchema: false));
            var again = await MonthlyPackJob.ReadAndRenderAsync(store, area.Name, october, CancellationToken.None);
            again.Sha256.ShouldBe(kept.Sha256);
            again.Pdf.ShouldBe(before[$"/api/reports/{kept.Id}/pdf"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_restore_into_a_database_that_holds_tables_is_refused_and_changes_nothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"octans-backup-{Guid.NewGuid():N}.dump");
        var problem = await app.CreateAreaAsync();
        try
        {
            await Ops("backup", file, app.Database);

            var refusal = await Should.ThrowAsync<InvalidOperationException>(() => Ops("restore", file, app.Database));

            refusal.Message.ShouldContain($"ops/restore: database {app.Database.Name} on 127.0.0.1:");
            refusal.Message.ShouldContain("is not empty");
            refusal.Message.ShouldContain("give --replace to drop Octans' schemas there first");
            (await app.Details(problem.Lights.Id)).Title.ShouldBe("Street lights out on Wenlock Street");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Each read's body as the coordinator sees it, signed in on that server.</summary>
    private static async Task<Dictionary<string, byte[]>> ReadAllAsync(HttpClient client, string[] urls)
    {
        using (client)
        {
            var signIn = await client.PostAsJsonAsync("/api/auth/token", new { email = Coordinator, password = DemoAccounts.DefaultPassword });
            signIn.EnsureSuccessStatusCode();
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await signIn.Content.ReadFromJsonAsync<IssuedToken>())!.Token);
            var bodies = new Dictionary<string, byte[]>();
            foreach (var url in urls)
            {
                using var response = await client.GetAsync(url);
                response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, url);
                bodies[url] = await response.Content.ReadAsByteArrayAsync();
            }
            return bodies;
        }
    }

    /// <summary>Runs ops/backup or ops/restore against a test database, the way an operator would against OCTANS_DB.</summary>
    private static async Task<string> Ops(string script, string file, TestDatabase database)
    {
        var start = new ProcessStartInfo(Path.Combine(TestDatabase.RepositoryRoot(), "ops", script), $"\"{file}\"")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["OCTANS_DB"] = database.AppConnectionString;
        start.Environment["OCTANS_DB_OWNER"] = database.ConnectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var said = await output + await errors;
        return process.ExitCode == 0 ? said : throw new InvalidOperationException($"ops/{script} failed: {said}");
    }
}
