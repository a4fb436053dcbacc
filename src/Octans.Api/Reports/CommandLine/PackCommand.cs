using JasperFx.CommandLine;
using Marten;
using Npgsql;
using Octans.Api.ReferenceData;
using Octans.Api.Reports.Producing;
using Octans.Reports.MonthlyPacks;

namespace Octans.Api.Reports.CommandLine;

public sealed class PackInput : NetCoreInput
{
    [Description("The area, by name or code, e.g. \"High Town\"")]
    public string AreaFlag { get; set; } = "";

    [Description("The month, as year and month, e.g. 2026-10")]
    public string MonthFlag { get; set; } = "";

    [Description("The PDF file to write, e.g. pack.pdf")]
    public string OutFlag { get; set; } = "";
}

/// <summary>
/// Renders a pack straight to a file: no Hangfire, nothing kept in the database. The host is built for its
/// services but never started, so no background service (Hangfire's server among them) runs.
/// </summary>
[Description("Renders an area's monthly councillor pack to a PDF file, without Hangfire and without keeping it")]
public sealed class PackCommand : JasperFxAsyncCommand<PackInput>
{
    public override async Task<bool> Execute(PackInput input)
    {
        if (string.IsNullOrWhiteSpace(input.AreaFlag))
            return Refuse("Give the area with --area, e.g. --area \"High Town\".");
        if (string.IsNullOrWhiteSpace(input.MonthFlag))
            return Refuse("Give the month with --month as year and month, e.g. --month 2026-10.");
        if (!PackMonth.TryParse(input.MonthFlag, out var month))
            return Refuse($"'{input.MonthFlag}' is not a month; write it as year and month, e.g. --month 2026-10.");
        if (string.IsNullOrWhiteSpace(input.OutFlag))
            return Refuse("Give the file to write with --out, e.g. --out pack.pdf.");
        var output = Path.GetFullPath(input.OutFlag);
        if (Path.GetDirectoryName(output) is { } folder && !Directory.Exists(folder))
            return Refuse($"The folder {folder} does not exist; create it or write the pack somewhere else.");

        using var host = input.BuildHost();
        var services = host.Services;
        if (!month.HasEndedAt(services.GetRequiredService<TimeProvider>().GetUtcNow()))
            return Refuse($"{month.Name} has not ended yet; its pack can be produced from {month.DayAfter:d MMMM yyyy}.");

        try
        {
            var store = services.GetRequiredService<IDocumentStore>();
            string areaName;
            await using (var session = store.QuerySession())
            {
                if (await ReferenceDataLookups.FindAreaAsync(session, input.AreaFlag, CancellationToken.None) is not { } area)
                {
                    var known = (await session.Query<Area>().ToListAsync()).Select(a => a.Name).Order();
                    return Refuse($"There is no area called '{input.AreaFlag.Trim()}'. Octans knows: {string.Join(", ", known)}.");
                }
                areaName = area.Name;
            }

            var pack = await MonthlyPackJob.ReadAndRenderAsync(store, areaName, month, CancellationToken.None);
            await File.WriteAllBytesAsync(output, pack.Pdf);
            Console.WriteLine($"Wrote the {areaName} pack for {month.Name} to {output}: {pack.Pages} pages, {pack.Pdf.Length:#,0} bytes, SHA-256 {pack.Sha256}.");
            return true;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return Refuse("The database has no Octans tables yet. Run `db-apply` first, or start Octans once with ops/run.");
        }
        catch (Exception exception) when (Setup.DatabaseStartup.IsDatabaseUnavailable(exception))
        {
            return Refuse($"Octans cannot reach its database ({exception.Message}). Check OCTANS_DB, or start the database with ops/db start.");
        }
    }

    private static bool Refuse(string message)
    {
        Console.Error.WriteLine($"pack: {message}");
        return false;
    }
}
