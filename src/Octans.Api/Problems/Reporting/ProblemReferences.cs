using Marten;
using Npgsql;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;

namespace Octans.Api.Problems.Reporting;

/// <summary>
/// Hands out HT-0001, HT-0002… per area with no gaps or repeats: the counter row stays locked until the
/// transaction that starts the problem commits, and a rollback hands the number back.
/// </summary>
public static class ProblemReferences
{
    public static async Task<string> NextAsync(IDocumentSession session, string areaCode, CancellationToken cancellation)
    {
        await session.BeginTransactionAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"""
             insert into {DatabaseSettings.MartenSchema}.{ReferenceDataStorage.ReferenceCounters} (area_code, last_number) values (@area, 1)
             on conflict (area_code) do update set last_number = {ReferenceDataStorage.ReferenceCounters}.last_number + 1
             returning last_number
             """,
            session.Connection);
        command.Parameters.AddWithValue("area", areaCode);
        var number = (int)(await command.ExecuteScalarAsync(cancellation))!;
        return Format(areaCode, number);
    }

    public static string Format(string areaCode, int number) => $"{areaCode}-{number:0000}";
}
