using Marten;
using Npgsql;
using NpgsqlTypes;
using Octans.Reports.MonthlyPacks;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Octans.Api.Reports.Archive;

/// <summary>What is known about a stored pack, without its bytes. <see cref="Bytes"/> is the PDF's size.</summary>
public sealed record StoredPack(
    Guid Id, string Area, string Month, int Revision, DateTimeOffset Cutoff, string Sha256, int Pages, int Bytes,
    DateTimeOffset GeneratedAt);

/// <summary>
/// The packs kept in PostgreSQL beside the event store, so one backup holds everything. A pack for an area and
/// month is never replaced: producing it again with the same bytes returns the pack already kept, and different
/// bytes (the history was corrected after the fact) are kept as the next revision beside the earlier ones.
/// </summary>
public sealed class PackArchive(IDocumentStore store)
{
    public const string TableName = "monthly_packs";

    const string Columns = "id, area, month, revision, cutoff, sha256, pages, bytes, generated_at";

    /// <summary>Declares the table so that db-apply and the development start-up create it with Marten's own schema.</summary>
    public static void Configure(StoreOptions options)
    {
        var table = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn("id", "uuid").AsPrimaryKey();
        table.AddColumn("area", "text").NotNull();
        table.AddColumn("month", "text").NotNull();
        table.AddColumn("revision", "integer").NotNull();
        table.AddColumn("cutoff", "timestamp with time zone").NotNull();
        table.AddColumn("sha256", "text").NotNull();
        table.AddColumn("pages", "integer").NotNull();
        table.AddColumn("bytes", "integer").NotNull();
        table.AddColumn("generated_at", "timestamp with time zone").NotNull();
        table.AddColumn("pdf", "bytea").NotNull();
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_area_month_revision")
        {
            Columns = ["area", "month", "revision"],
            IsUnique = true,
        });
        options.Storage.ExtendedSchemaObjects.Add(table);
    }

    string Table => $"{store.Options.DatabaseSchemaName}.{TableName}";

    /// <summary>
    /// Keeps a rendered pack in one transaction: either the whole row is written or nothing is. Two keeps of the
    /// same area and month wait for each other, so they never both take the same revision number.
    /// </summary>
    public async Task<StoredPack> KeepAsync(
        string area, PackMonth month, RenderedPack pack, DateTimeOffset generatedAt, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);

        await using (var lockPack = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended(@key, 0))", connection, transaction))
        {
            lockPack.Parameters.AddWithValue("key", $"octans-monthly-pack:{area}:{month}");
            await lockPack.ExecuteNonQueryAsync(cancellation);
        }

        StoredPack? latest;
        await using (var find = new NpgsqlCommand(
                         $"select {Columns} from {Table} where area = @area and month = @month order by revision desc limit 1",
                         connection, transaction))
        {
            find.Parameters.AddWithValue("area", area);
            find.Parameters.AddWithValue("month", month.ToString());
            latest = (await ReadAsync(find, cancellation)).FirstOrDefault();
        }
        if (latest is not null && latest.Sha256 == pack.Sha256)
        {
            await transaction.CommitAsync(cancellation);
            return latest;
        }

        var stored = new StoredPack(
            Guid.CreateVersion7(generatedAt), area, month.ToString(), (latest?.Revision ?? 0) + 1, month.Cutoff, pack.Sha256,
            pack.Pages, pack.Pdf.Length, generatedAt);
        await using (var insert = new NpgsqlCommand(
                         $"insert into {Table} ({Columns}, pdf) values (@id, @area, @month, @revision, @cutoff, @sha256, @pages, @bytes, @generatedAt, @pdf)",
                         connection, transaction))
        {
            insert.Parameters.AddWithValue("id", stored.Id);
            insert.Parameters.AddWithValue("area", stored.Area);
            insert.Parameters.AddWithValue("month", stored.Month);
            insert.Parameters.AddWithValue("revision", stored.Revision);
            insert.Parameters.AddWithValue("cutoff", stored.Cutoff.ToUniversalTime());
            insert.Parameters.AddWithValue("sha256", stored.Sha256);
            insert.Parameters.AddWithValue("pages", stored.Pages);
            insert.Parameters.AddWithValue("bytes", stored.Bytes);
            insert.Parameters.AddWithValue("generatedAt", stored.GeneratedAt.ToUniversalTime());
            insert.Parameters.Add(new NpgsqlParameter("pdf", NpgsqlDbType.Bytea) { Value = pack.Pdf });
            await insert.ExecuteNonQueryAsync(cancellation);
        }
        await transaction.CommitAsync(cancellation);
        return stored;
    }

    /// <summary>Every kept pack, newest month first, then by area and latest revision first.</summary>
    public async Task<IReadOnlyList<StoredPack>> ListAsync(string? area, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var list = new NpgsqlCommand(
            $"select {Columns} from {Table} where @area::text is null or area = @area order by month desc, area, revision desc", connection);
        list.Parameters.Add(new NpgsqlParameter("area", NpgsqlDbType.Text) { Value = (object?)area ?? DBNull.Value });
        return await ReadAsync(list, cancellation);
    }

    public async Task<StoredPack?> FindAsync(Guid id, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var find = new NpgsqlCommand($"select {Columns} from {Table} where id = @id", connection);
        find.Parameters.AddWithValue("id", id);
        return (await ReadAsync(find, cancellation)).FirstOrDefault();
    }

    public async Task<(StoredPack Pack, byte[] Pdf)?> ReadPdfAsync(Guid id, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var find = new NpgsqlCommand($"select {Columns}, pdf from {Table} where id = @id", connection);
        find.Parameters.AddWithValue("id", id);
        await using var reader = await find.ExecuteReaderAsync(cancellation);
        if (!await reader.ReadAsync(cancellation))
            return null;
        return (Read(reader), await reader.GetFieldValueAsync<byte[]>(9, cancellation));
    }

    static async Task<IReadOnlyList<StoredPack>> ReadAsync(NpgsqlCommand command, CancellationToken cancellation)
    {
        var packs = new List<StoredPack>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            packs.Add(Read(reader));
        return packs;
    }

    static StoredPack Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
        reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5), reader.GetInt32(6),
        reader.GetInt32(7), reader.GetFieldValue<DateTimeOffset>(8));
}
