using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Octans.Api.Setup;

namespace Octans.Benchmarks.Chaos;

/// <summary>
/// Two app nodes on one database: writes on either are read on the other; the monthly schedule, run every minute
/// here, makes one job per tick; and a node killed while it renders a pack leaves the other to finish it.
/// </summary>
public sealed class TwoNodesScenario : IScenario
{
    private const int Clients = 16;
    private const string PackMonth = "2026-10";

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Octans__Packs__Schedule"] = "* * * * *",
        ["Octans__Jobs__InvisibilityTimeout"] = "00:00:15",
        ["Octans__Jobs__PollInterval"] = "00:00:01",
    };

    public string Name => "nodes";
    public string Title => "Two nodes on one database";
    public string Description =>
        $"Two app processes on different ports share one database, holding a generated area of {PackArea.Problems} problems. {Clients} clients " +
        "write through both in turn, and after each acknowledged write read the problem from the other node. The monthly pack schedule " +
        "is set to every minute and left to tick twice. Then a pack is requested, and the node whose worker takes it is killed " +
        "(SIGKILL) the moment the job is Processing; the other node must take it up (after the 15 s invisibility timeout set here; " +
        "5 minutes by default) and keep one pack.";

    public async Task<IReadOnlyList<Finding>> RunAsync(ChaosContext context, CancellationToken cancellation)
    {
        await using var database = await context.NewDatabaseAsync(Name, cancellation);
        context.Say($"nodes: writing an area of {PackArea.Problems} problems");
        using (var store = NationalDataset.OpenStore(database.ConnectionString))
            await PackArea.WriteAsync(store);

        var nodes = new[]
        {
            await context.StartAsync(database, cancellation, Settings), await context.StartAsync(database, cancellation, Settings),
        };
        try
        {
            var clients = nodes.Select(n => ChaosContext.Client(n.Address)).ToArray();
            var token = await ChaosContext.SignInAsync(clients[0], cancellation);
            var problems = await ChaosContext.ProblemsForAsync(clients[0], token, Clients, cancellation);
            var schedulingFrom = await NowAsync(database, cancellation);

            var load = new WriteLoad(clients, token);
            using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
                await load.RunAsync(problems, stop.Token);
            var tally = await Tally.OfAsync(database.ConnectionString, load, cancellation);
            var dashboards = await Task.WhenAll(clients.Select(c => GetAsync(c, token, "/api/dashboard", cancellation)));

            context.Say("nodes: waiting for the every-minute schedule to tick twice");
            var ticks = await TicksAsync(database, schedulingFrom, cancellation);
            while (ticks.Count < 2)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellation);
                ticks = await TicksAsync(database, schedulingFrom, cancellation);
            }

            var (killedWhile, taken, packs) = await KillThePackNodeAsync(context, database, nodes, clients, token, cancellation);
            return
            [
                Finding.Count("Writes acknowledged through the two nodes", tally.Acknowledged),
                Finding.Exactly("Reads on the other node that had not seen an acknowledged write", load.StaleReads, 0),
                new("Dashboards of the two nodes at the end", dashboards[0] == dashboards[1] ? "the same" : "different", "the same",
                    dashboards[0] == dashboards[1]),
                Finding.Exactly("Acknowledged writes missing, or applied twice", tally.AcknowledgedMissing + tally.AppliedTwice, 0),
                new("Schedule ticks seen, and jobs made per tick", $"{ticks.Count} ticks, {string.Join(", ", ticks.Values)} jobs", "1 job per tick",
                    ticks.Values.All(jobs => jobs == 1)),
                new("Pack job when its node was killed", killedWhile, "Processing, its pack not yet kept", killedWhile == "Processing, its pack not yet kept"),
                new("Pack job afterwards", taken, "Succeeded on the other node", taken == "Succeeded on the other node"),
                Finding.Exactly($"Packs kept for High Town, {PackMonth}", packs, 1),
            ];
        }
        catch (Exception) 
        {
            foreach (var node in nodes) context.Say($"nodes: the last output of process {node.ProcessId}:\n{node.LastOutput}");
            throw;
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    private static async Task<(string KilledWhile, string Taken, int Packs)> KillThePackNodeAsync(ChaosContext context, BenchDatabase database,
        OctansServer[] nodes, HttpClient[] clients, string token, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports/monthly") { Content = JsonContent.Create(new { area = "High Town", month = PackMonth }) };
        request.Headers.Authorization = new("Bearer", token);
        using var answer = await clients[0].SendAsync(request, cancellation);
        answer.EnsureSuccessStatusCode();
        var job = long.Parse((await answer.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("jobId").GetString()!);

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellation);
        string? server;
        while ((server = await ScalarAsync<string>(connection,
                   $"select data->>'ServerId' from {DatabaseSettings.HangfireSchema}.state where jobid = {job} and name = 'Processing' order by id limit 1",
                   cancellation)) is null)
            await Task.Delay(5, cancellation);
        var victim = nodes.Single(n => server.Split(':')[1] == n.ProcessId.ToString());
        victim.KillNow();
        var keptAlready = await PacksAsync(connection, cancellation);
        context.Say($"nodes: killed process {victim.ProcessId} while it rendered job {job}");

        var until = DateTime.UtcNow.AddMinutes(2);
        string? state;
        while ((state = await ScalarAsync<string>(connection, $"select statename from {DatabaseSettings.HangfireSchema}.job where id = {job}", cancellation))
               != "Succeeded" && DateTime.UtcNow < until)
            await Task.Delay(250, cancellation);
        var finisher = await ScalarAsync<string>(connection,
            $"select data->>'ServerId' from {DatabaseSettings.HangfireSchema}.state where jobid = {job} and name = 'Processing' order by id desc limit 1", cancellation);
        var survivor = nodes.Single(n => n != victim);
        var taken = state != "Succeeded" ? $"{state} after two minutes"
            : finisher?.Split(':')[1] == survivor.ProcessId.ToString() ? "Succeeded on the other node" : "Succeeded on the killed node";
        return (keptAlready == 0 ? "Processing, its pack not yet kept" : "Processing, its pack already kept", taken, await PacksAsync(connection, cancellation));
    }

    private static Task<int> PacksAsync(NpgsqlConnection connection, CancellationToken cancellation) =>
        ScalarAsync<int>(connection, $"select count(*)::int from {DatabaseSettings.MartenSchema}.monthly_packs where area = 'High Town' and month = '{PackMonth}'",
            cancellation);

    /// <summary>The jobs the schedule made since <paramref name="from"/>, counted per minute.</summary>
    private static async Task<Dictionary<DateTime, int>> TicksAsync(BenchDatabase database, DateTime from, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"select date_trunc('minute', createdat), count(*)::int from {DatabaseSettings.HangfireSchema}.job " +
            $"where invocationdata::text like '%RenderLastMonthAsync%' and createdat >= @from group by 1 order by 1", connection);
        command.Parameters.AddWithValue("from", from);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var ticks = new Dictionary<DateTime, int>();
        while (await reader.ReadAsync(cancellation)) ticks[reader.GetDateTime(0)] = reader.GetInt32(1);
        return ticks;
    }

    private static async Task<DateTime> NowAsync(BenchDatabase database, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellation);
        return await ScalarAsync<DateTime>(connection, "select now()", cancellation);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cancellation);
        return value is null or DBNull ? default! : (T)value;
    }

    private static async Task<string> GetAsync(HttpClient client, string token, string url, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new("Bearer", token);
        using var answer = await client.SendAsync(request, cancellation);
        return await answer.Content.ReadAsStringAsync(cancellation);
    }
}
