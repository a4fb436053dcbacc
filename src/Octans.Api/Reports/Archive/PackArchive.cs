using Marten;
using Npgsql;
using Octans.Api.Setup;
using Octans.Reports.MonthlyPacks;
using static Octans.Api.Reports.Archive.MonthlyPackStorage;

namespace Octans.Api.Reports.Archive;

/// <summary>The documents Octans produces and keeps: the councillors' monthly pack and the quarterly Pathways pack.</summary>
public enum PackKind
{
    Monthly,
    Pathways,
}

/// <summary>
/// What is known about a stored pack, without its bytes. <see cref="Month"/> is its period: a month (2026-10) or, for a
/// Pathways pack, a quarter (2026-Q4). <see cref="Bytes"/> is the PDF's size.
/// </summary>
public sealed record StoredPack(
    Guid Id, string Area, string Month, int Revision, DateTimeOffset Cutoff, string Sha256, int Pages, int Bytes,
    DateTimeOffset GeneratedAt, PackKind Kind = PackKind.Monthly)
{
    /// <summary>"octans-high-town-2026-10.pdf", "octans-high-town-pathways-2026-q4.pdf"; a later revision says so, so two downloads never share a name.</summary>
    public string FileName
    {
        get
        {
            var slug = new System.Text.StringBuilder();
            foreach (var c in Area.ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
                else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            }
            var name = Kind == PackKind.Monthly ? $"octans-{slug.ToString().Trim('-')}-{Month}" : $"octans-{slug.ToString().Trim('-')}-pathways-{Month.ToLowerInvariant()}";
            return Revision == 1 ? $"{name}.pdf" : $"{name}-revision-{Revision}.pdf";
        }
    }
}

/// <summary>
/// The packs kept in PostgreSQL, of every kind. A pack for an area and period is never replaced: producing it again with the same
/// bytes returns the pack already kept, and different bytes (the history was corrected after the fact) are kept as
/// the next revision beside the earlier ones.
/// </summary>
public sealed class PackArchive(IDocumentStore store)
{
    /// <summary>The columns of a <see cref="StoredPack"/>, in the order <see cref="Read"/> reads them.</summary>
    const string AllButPdf = $"{Column.Id}, {Column.Area}, {Column.Month}, {Column.Revision}, {Column.Cutoff}, {Column.Sha256}, "
        + $"{Column.Pages}, {Column.Bytes}, {Column.GeneratedAt}, {Column.Kind}";

    public Task<StoredPack> KeepAsync(
        string area, PackMonth month, RenderedPack pack, DateTimeOffset generatedAt, CancellationToken cancellation) =>
        KeepAsync(PackKind.Monthly, area, month.ToString(), month.Cutoff, pack, generatedAt, cancellation);

    /// <summary>
    /// Keeps a rendered pack of a kind for an area and period in one transaction: either the whole row is written or nothing
    /// is. Two keeps of the same pack wait for each other, so they never both take the same revision number.
    /// </summary>
    public async Task<StoredPack> KeepAsync(PackKind kind, string area, string period, DateTimeOffset cutoff, RenderedPack pack,
        DateTimeOffset generatedAt, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        // The lock is the transaction's, so it is let go when the row is committed or the session is closed.
        await session.ExecuteAsync("select pg_advisory_xact_lock(hashtextextended(?, 0))", cancellation, $"octans-{kind.ToString().ToLowerInvariant()}-pack:{area}:{period}");
        var latest = await session.ReadFirstAsync(
            $"select {AllButPdf} from {Table} where {Column.Kind} = ? and {Column.Area} = ? and {Column.Month} = ? order by {Column.Revision} desc limit 1",
            Read, cancellation, kind, area, period);
        if (latest is not null && latest.Sha256 == pack.Sha256)
            return latest;

        var stored = new StoredPack(
            Guid.CreateVersion7(generatedAt), area, period, (latest?.Revision ?? 0) + 1, cutoff, pack.Sha256,
            pack.Pages, pack.Pdf.Length, generatedAt, kind);
        // Queued rather than run now: SaveChanges commits the session's transaction only when it has work to send.
        session.Queue($"insert into {Table} ({AllButPdf}, {Column.Pdf}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            stored.Id, stored.Area, stored.Month, stored.Revision, stored.Cutoff, stored.Sha256, stored.Pages, stored.Bytes,
            stored.GeneratedAt, stored.Kind, pack.Pdf);
        await session.SaveChangesAsync(cancellation);
        return stored;
    }

    /// <summary>Every kept pack, of one kind or all, for one area or all: newest period first, then by area and latest revision first.</summary>
    public async Task<IReadOnlyList<StoredPack>> ListAsync(string? area, CancellationToken cancellation, PackKind? kind = null)
    {
        await using var session = store.QuerySession();
        return await session.ReadAsync(
            $"""
             select {AllButPdf} from {Table} where (?::text is null or {Column.Area} = ?) and (?::text is null or {Column.Kind} = ?)
             order by {Column.Cutoff} desc, {Column.Kind}, {Column.Area}, {Column.Revision} desc
             """, Read, cancellation, area, area, kind, kind);
    }

    public async Task<(StoredPack Pack, byte[] Pdf)?> ReadPdfAsync(Guid id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var found = await session.ReadAsync($"select {AllButPdf}, {Column.Pdf} from {Table} where {Column.Id} = ?",
            reader => (Read(reader), reader.GetFieldValue<byte[]>(10)), cancellation, id);
        return found is [var pack] ? pack : null;
    }

    static StoredPack Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
        reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5), reader.GetInt32(6),
        reader.GetInt32(7), reader.GetFieldValue<DateTimeOffset>(8), Enum.Parse<PackKind>(reader.GetString(9)));
}
