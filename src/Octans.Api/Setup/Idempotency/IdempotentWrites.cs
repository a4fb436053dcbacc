using System.Data;
using System.Security.Cryptography;
using System.Text;
using Marten;
using SessionOptions = Marten.Services.SessionOptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;

namespace Octans.Api.Setup.Idempotency;

/// <summary>
/// Makes every POST under /api safe to send again. With an Idempotency-Key, the request takes the signed-in user's key
/// in a transaction of its own; a repeat of a kept request gets the first answer again and changes nothing, and the same
/// key with another route or body is a 422. Otherwise the endpoint writes in that transaction (<see cref="WriteSessions"/>)
/// and a success is kept with the key before it commits, so the write and its answer stand or fall together, and a
/// second request with the key waits for the first and then gets its answer. An answer that is not a success changed
/// nothing, so it is not kept: sent again, the request is decided afresh.
/// </summary>
public sealed class IdempotentWrites(RequestDelegate next, IDocumentStore store, TimeProvider clock,
    ILogger<IdempotentWrites> logger)
{
    public const string Header = "Idempotency-Key";
    public const int LongestKey = 200;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!Applies(context) || !context.Request.Headers.TryGetValue(Header, out var sent))
        {
            await next(context);
            return;
        }
        if (Mistake(sent) is { } mistake)
        {
            await Answers.Invalid(Header, mistake).WriteAsync(context);
            return;
        }

        var cancellation = context.RequestAborted;
        var request = new IdempotentRequest(context.User.UserId(), sent[0]!, await FingerprintAsync(context.Request, cancellation));
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));

        if (await IdempotencyKeys.ClaimAsync(session, request, clock.GetUtcNow() - IdempotencyKeys.KeptFor, cancellation) is { } kept)
        {
            await transaction.RollbackAsync(cancellation);
            if (kept.Fingerprint.AsSpan().SequenceEqual(request.Fingerprint)) await ReplayAsync(context.Response, kept, cancellation);
            else await Answers.KeyReused().WriteAsync(context);
            return;
        }

        byte[] body;
        var response = context.Response;
        try
        {
            body = await RunAsync(context, transaction);
            if (response.StatusCode is >= 200 and < 300)
            {
                // The write is done: finish it even if the client has gone, so its retry finds the answer.
                var answer = new KeptAnswer(request.Fingerprint, response.StatusCode, response.ContentType, response.Headers.Location, body);
                await IdempotencyKeys.KeepAsync(session, request, answer, clock.GetUtcNow(), CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
            }
        }
        catch (Exception exception) when (connection.FullState != ConnectionState.Open)
        {
            // The database went away under the write, whatever the endpoint made of it (once its connection has broken, the
            // next command says only that it is not open): nothing was committed, or the retry will find the kept answer.
            logger.LogWarning("The database connection broke during a write with an {Header}: {Reason}", Header, exception.Message);
            // The endpoint's answer was held back, so nothing of it was sent: its headers go, those set for every answer stay.
            response.Headers.Location = default;
            response.ContentLength = null;
            response.Headers.RetryAfter = "10";
            await Answers.Unavailable().WriteAsync(context);
            return;
        }
        await response.Body.WriteAsync(body, cancellation);
    }

    /// <summary>Runs the endpoint with its writes in <paramref name="transaction"/> and its answer held back, and gives the answer's body.</summary>
    private async Task<byte[]> RunAsync(HttpContext context, Npgsql.NpgsqlTransaction transaction)
    {
        var body = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        WriteSessions.JoinFromHere(transaction);
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
        return held.ToArray();
    }

    /// <summary>Writes under /api by a signed-in user; signing in itself has no user yet and its answer is a secret.</summary>
    private static bool Applies(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/api")
        && context.User.Identity?.IsAuthenticated == true
        && context.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;

    private static string? Mistake(Microsoft.Extensions.Primitives.StringValues sent) => sent switch
    {
        { Count: > 1 } => $"Send one {Header}, not several.",
        _ when sent.Count == 0 || string.IsNullOrWhiteSpace(sent[0]) => $"The {Header} is empty. Send a new key for each change, such as a new UUID.",
        _ when sent[0]!.Length > LongestKey => $"The {Header} is longer than {LongestKey} characters. Send a shorter key, such as a new UUID.",
        _ when sent[0]!.Any(c => c is < ' ' or > '~') =>
            $"The {Header} may hold only printable characters (letters, digits, spaces and punctuation). Send a key such as a new UUID.",
        _ => null,
    };

    /// <summary>A hash of what the request asks for: its route, query and body, byte for byte.</summary>
    private static async Task<byte[]> FingerprintAsync(HttpRequest request, CancellationToken cancellation)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0) hash.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }

    private static async Task ReplayAsync(HttpResponse response, KeptAnswer kept, CancellationToken cancellation)
    {
        response.StatusCode = kept.Status;
        if (kept.ContentType is { } type) response.ContentType = type;
        if (kept.Location is { } location) response.Headers.Location = location;
        await response.Body.WriteAsync(kept.Body, cancellation);
    }
}
