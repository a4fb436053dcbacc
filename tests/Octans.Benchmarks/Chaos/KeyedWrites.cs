using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Octans.Benchmarks.Chaos;

/// <summary>One write as the client sent it: its key, the text that marks its event, and what became of it.</summary>
public sealed class SentWrite(string key, string kind)
{
    public string Key { get; } = key;
    public string Kind { get; } = kind;

    /// <summary>Written into the event's title, text, description or note, so the write can be found among the events.</summary>
    public string Marker => $"chaos {Key}";

    public int Attempts { get; set; }

    /// <summary>Attempts that got no answer: the connection was cut, refused or timed out.</summary>
    public int Unanswered { get; set; }

    public int Unavailable { get; set; }

    /// <summary>The body of the last answer, for saying what went wrong.</summary>
    public string? Answer { get; set; }
    public HttpStatusCode? Status { get; set; }
    public bool Acknowledged => Status is { } status && (int)status is >= 200 and < 300;
    public bool Retried => Attempts > 1;
    public DateTimeOffset FirstSentAt { get; set; }
}

/// <summary>
/// Sends every write with a new Idempotency-Key and, when no answer comes or the answer is a 503, sends the very same
/// request again, the same key and the same bytes, until one does: a phone on a weak signal, made patient.
/// </summary>
public sealed class KeyedWrites(HttpClient http, string token)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public ConcurrentQueue<SentWrite> Sent { get; } = new();

    /// <summary>Every answer by status, with when it came, for the figures about the time the database was down.</summary>
    public ConcurrentQueue<(DateTimeOffset At, HttpStatusCode Status)> Answers { get; } = new();

    /// <summary>Signs in as the demo coordinator; the token outlives a restart of the app, as its signing key is in the database.</summary>
    public static async Task<KeyedWrites> SignInAsync(HttpClient http, CancellationToken cancellation)
    {
        using var answer = await http.PostAsJsonAsync("/api/auth/token", new { email = OctansClient.Coordinator, password = OctansServer.Password },
            OctansClient.Json, cancellation);
        answer.EnsureSuccessStatusCode();
        var token = await answer.Content.ReadFromJsonAsync<JsonElement>(OctansClient.Json, cancellation);
        return new KeyedWrites(http, token.GetProperty("token").GetString()!);
    }

    public static HttpClient Pool(Uri address) => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = 256,
        ConnectTimeout = TimeSpan.FromSeconds(2),
    }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<(SentWrite Write, JsonElement Body)> SendAsync(string kind, string url, Func<string, object> body, CancellationToken cancellation)
    {
        var write = new SentWrite(Guid.NewGuid().ToString(), kind) { FirstSentAt = DateTimeOffset.UtcNow };
        Sent.Enqueue(write);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body(write.Marker), OctansClient.Json);
        var giveUp = Stopwatch.StartNew();
        while (true)
        {
            write.Attempts++;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bytes) };
                request.Content.Headers.ContentType = Json;
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Add("Idempotency-Key", write.Key);
                using var answer = await http.SendAsync(request, cancellation);
                var content = await answer.Content.ReadAsByteArrayAsync(cancellation);
                Answers.Enqueue((DateTimeOffset.UtcNow, answer.StatusCode));
                if (answer.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    write.Status = answer.StatusCode;
                    write.Answer = System.Text.Encoding.UTF8.GetString(content);
                    return (write, content.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(content, OctansClient.Json));
                }
                write.Unavailable++;
            }
            catch (Exception e) when (e is HttpRequestException or IOException || e is TaskCanceledException && !cancellation.IsCancellationRequested)
            {
                write.Unanswered++;
            }
            if (giveUp.Elapsed > TimeSpan.FromMinutes(2)) return (write, default);
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellation);
        }
    }
}
