using Npgsql;
using NpgsqlTypes;

namespace Octans.Benchmarks;

/// <summary>
/// The floor under every write: one row inserted in a transaction of its own and committed, over Npgsql from a pooled
/// connection, into the same database on the same server. The row is the size of a typical Octans event.
/// </summary>
public sealed class InsertFloor(BenchDatabase database)
{
    private const string Payload = """
        {"problemId":"0196a000-0000-7000-8000-000000000001","text":"Night scout confirms columns 4, 5 and 6 dark. Column 5 has lost its door and the cable is exposed; made safe tonight.","by":{"userId":"0196a000-0000-7000-8000-000000000009","name":"Sam Coordinator"},"addedAt":"2026-11-27T10:00:00+00:00"}
        """;

    public async Task CreateTableAsync(CancellationToken cancellation) => await database.ExecuteAsync(
        "create table if not exists bench_floor (id bigint generated always as identity primary key, stream_id uuid not null, data jsonb not null, at timestamptz not null default now())",
        cancellation);

    public async Task<Latencies> RunAsync(int clients, TimeSpan duration, CancellationToken cancellation)
    {
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        return await Latencies.RunAsync(clients, duration, async (_, times, stop) =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await using (var connection = await source.OpenConnectionAsync(cancellation))
                await using (var transaction = await connection.BeginTransactionAsync(cancellation))
                {
                    await using var insert = new NpgsqlCommand("insert into bench_floor (stream_id, data) values (@stream, @data)", connection, transaction);
                    insert.Parameters.AddWithValue("stream", Guid.CreateVersion7());
                    insert.Parameters.AddWithValue("data", NpgsqlDbType.Jsonb, Payload);
                    await insert.ExecuteNonQueryAsync(cancellation);
                    await transaction.CommitAsync(cancellation);
                }
                times.Add(Latencies.Milliseconds(started));
            }
        }, cancellation);
    }
}
