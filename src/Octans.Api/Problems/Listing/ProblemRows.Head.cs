using Npgsql;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Problems.Listing;

/// <summary>A problem's row whole, as the head of its page shows it.</summary>
public sealed record ProblemHead(
    Guid Id, string Reference, string Title, string Statement, string Category, string Area, Risk Risk, Location Location, Phase Phase,
    ProblemStatus Status, Rag? Rag, Outcome? Outcome, string? ClosingNote, Guid? DuplicateOf, DateTimeOffset ReportedAt, string ReportedBy,
    DateTimeOffset UpdatedAt, int Version, DateOnly? NextReviewOn, HoldDecay? HoldDecay, int OpenActions, int NotesTotal, bool Sensitive,
    Guid[] SensitiveTeams);

public static partial class ProblemRows
{
    /// <summary>The problem's row, when the reader may see it.</summary>
    public static Statement Head(Guid id, Reader reader) => new(
        $"""
         select {Id}, {Reference}, {Title}, {Statement}, {Category}, {Area}, {Risk}, {Place}, {Latitude}, {Longitude}, {Uprn}, {Usrn}, {Ward},
             {Phase}, {Status}, {Rag}, {Outcome}, {ClosingNote}, {DuplicateOf}, {ReportedAt}, {ReportedBy}, {UpdatedAt}, {Version},
             {NextReviewOn}, {DecayReports}, {OpenActions}, {NotesTotal}, {DecaySince}, {DecayStart},
             {IsSensitive(Table)}, {SensitiveTeams}
         from {Table} where {Id} = ? and {VisibleTo(Table, reader)}
         """, id);

    public static ProblemHead ReadHead(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), Enum.Parse<Risk>(r.GetString(6)),
        new Location(r.GetString(7), Number(r, 8), Number(r, 9), Text(r, 10), Text(r, 11), Text(r, 12)),
        Enum.Parse<Phase>(r.GetString(13)), Enum.Parse<ProblemStatus>(r.GetString(14)), Choice<Rag>(r, 15), Choice<Outcome>(r, 16), Text(r, 17),
        r.IsDBNull(18) ? null : r.GetGuid(18), r.GetFieldValue<DateTimeOffset>(19), r.GetString(20), r.GetFieldValue<DateTimeOffset>(21),
        r.GetInt32(22), r.IsDBNull(23) ? null : r.GetFieldValue<DateOnly>(23), Decay(r, phase: 13, status: 14, reports: 24, since: 27, start: 28), r.GetInt32(25), r.GetInt32(26), r.GetBoolean(29),
        r.GetFieldValue<Guid[]>(30));

    /// <summary>The Hold decay kept in a row's columns, when it shows: reports since the start, on an open problem in Hold or Build.</summary>
    private static HoldDecay? Decay(NpgsqlDataReader r, int phase, int status, int reports, int since, int start) =>
        r.GetInt32(reports) > 0 && r.GetString(status) == nameof(ProblemStatus.Open) && HoldDecay.Watched(Enum.Parse<Phase>(r.GetString(phase)))
            ? new HoldDecay(r.GetInt32(reports), r.GetFieldValue<DateOnly>(since), Enum.Parse<HoldDecay.Start>(r.GetString(start)))
            : null;

    private static string? Text(NpgsqlDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    private static double? Number(NpgsqlDataReader r, int column) => r.IsDBNull(column) ? null : r.GetDouble(column);

    private static T? Choice<T>(NpgsqlDataReader r, int column) where T : struct, Enum => r.IsDBNull(column) ? null : Enum.Parse<T>(r.GetString(column));
}
