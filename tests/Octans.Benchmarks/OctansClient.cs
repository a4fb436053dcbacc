using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Octans.Benchmarks;

/// <summary>One signed-in user's HTTP calls to Octans, over a connection pool shared by every client of a run.</summary>
public sealed class OctansClient(HttpClient http, string token)
{
    public const string Coordinator = "coordinator@octans.test";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static HttpClient Pool(Uri address) => OctansServer.BehindTheProxy(new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = 256,
    }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) });

    public static async Task<OctansClient> SignInAsync(HttpClient http, string email, CancellationToken cancellation)
    {
        using var answer = await http.PostAsJsonAsync("/api/auth/token", new { email, password = OctansServer.Password }, Json, cancellation);
        answer.EnsureSuccessStatusCode();
        var token = await answer.Content.ReadFromJsonAsync<TokenAnswer>(Json, cancellation);
        return new OctansClient(http, token!.Token);
    }

    /// <param name="idempotencyKey">Sent as the Idempotency-Key header when given, as a phone that retries sends one.</param>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string url, object body, CancellationToken cancellation, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await SendAsync(request, cancellation);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string url, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(request, cancellation);
    }

    /// <summary>A GET whose body is read to the end but not parsed: what a browser or phone pays for, no more.</summary>
    public async Task<HttpStatusCode> GetBytesAsync(string url, CancellationToken cancellation) => (await GetSizeAsync(url, cancellation)).Status;

    /// <summary>A GET whose body is read to the end and counted, not parsed.</summary>
    public async Task<(HttpStatusCode Status, long Bytes)> GetSizeAsync(string url, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellation);
        return (answer.StatusCode, (await answer.Content.ReadAsByteArrayAsync(cancellation)).LongLength);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpRequestMessage request, CancellationToken cancellation)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await http.SendAsync(request, cancellation);
        var bytes = await answer.Content.ReadAsByteArrayAsync(cancellation);
        var body = bytes.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(bytes, Json);
        return (answer.StatusCode, body);
    }

    internal sealed record TokenAnswer(string Token);
}
