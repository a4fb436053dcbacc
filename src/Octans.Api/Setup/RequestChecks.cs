using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Octans.Api.Open311;
using Octans.Domain;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;

namespace Octans.Api.Setup;

/// <summary>
/// What every API request must be before an endpoint reads it, checked here once for all of them: its query string and
/// route values hold no character that cannot be stored (<see cref="PlainText"/>), and a JSON body is UTF-8, at most
/// <see cref="MaxBodyBytes"/>, an object, has no such character in its text and fits the endpoint's request record; a
/// photo form is at most <see cref="Photos.PhotoUploads.MostBodyBytes"/>.
/// Anything else is a 400 or 413 naming what to fix, so no endpoint meets a null body, and no internals reach the caller.
/// </summary>
public sealed class RequestChecks(RequestDelegate next, IOptions<JsonOptions> json)
{
    /// <summary>Several times the longest body any request needs, about 30 KB with every field at its limit and every character escaped.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private const int MaxDepth = 16;

    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private const string NotAnObject =
        "The request body must be a JSON object, such as { \"version\": 3, \"text\": \"…\" }. Check it against the API description at /api/docs.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/open311") && context.GetEndpoint() is not null)
        {
            if (await Open311Refusal(context) is { } refusal) await refusal.ExecuteAsync(context);
            else await next(context);
            return;
        }
        if (!context.Request.Path.StartsWithSegments("/api") || context.GetEndpoint() is not { } endpoint)
        {
            await next(context);
            return;
        }

        var problem = Unstorable(context);
        if (problem is null && endpoint.Metadata.GetMetadata<Photos.PhotoUploadAttribute>() is not null)
            problem = PhotoBody(context);
        else if (problem is null && endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } body } accepts
            && accepts.ContentTypes.Contains("application/json"))
            problem = await CheckBodyAsync(context, body);

        if (problem is null) await next(context);
        else await problem.WriteAsync(context);
    }

    /// <summary>The same checks for Open311, answered as GeoReport errors; its form, too, may not carry a character that cannot be stored.</summary>
    private static async Task<IResult?> Open311Refusal(HttpContext context)
    {
        var format = context.Request.RouteValues.TryGetValue("format", out var f) && f is string given && GeoReport.IsFormat(given) ? given : "xml";
        if (Unstorable(context) is { } problem)
            return GeoReport.Error(format, 400, string.Join(" ", ((HttpValidationProblemDetails)problem).Errors.SelectMany(e => e.Value)));
        if (!context.Request.HasFormContentType) return null;
        if (context.Request.ContentLength > MaxOpen311Bytes) return GeoReport.Error(format, 413, "The report is too large: send at most 10 MB.");
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or BadHttpRequestException or IOException or InvalidOperationException)
        {
            return GeoReport.Error(format, 400, "The form could not be read. Send it as application/x-www-form-urlencoded or multipart/form-data, encoded as UTF-8.");
        }
        foreach (var (key, values) in form)
            foreach (var value in values)
                if ((PlainText.Unstorable(key) ?? PlainText.Unstorable(value)) is { } c)
                    return GeoReport.Error(format, 400, PlainText.Refusal($"'{Printable(key)}' field", c));
        return null;
    }

    private const long MaxOpen311Bytes = 10 * 1024 * 1024;

    private static ProblemDetails? Unstorable(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, values) in context.Request.Query)
            foreach (var value in values)
                if ((PlainText.Unstorable(key) ?? PlainText.Unstorable(value)) is { } c)
                    errors[Printable(key)] = [PlainText.Refusal($"'{Printable(key)}' in the query string", c)];
        foreach (var (key, value) in context.Request.RouteValues)
            if (value is string text && PlainText.Unstorable(text) is { } c)
                errors[key] = [PlainText.Refusal($"'{key}' in the address", c)];
        return errors.Count > 0 ? Answers.Invalid(errors) : null;
    }

    /// <summary>A photo form is not JSON: it may be as large as a photo needs, and no larger, whatever the server allows elsewhere.</summary>
    private static ProblemDetails? PhotoBody(HttpContext context)
    {
        if (context.Request.ContentLength > Photos.PhotoUploads.MostBodyBytes) return Photos.PhotoUploads.TooLarge();
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = Photos.PhotoUploads.MostBodyBytes;
        return null;
    }

    private async Task<ProblemDetails?> CheckBodyAsync(HttpContext context, Type requestType)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes) return Answers.TooLarge();

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return Answers.TooLarge();
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        if (bytes.AsSpan().StartsWith(ByteOrderMark)) bytes = bytes[ByteOrderMark.Length..];

        var problem = Check(bytes, requestType);
        // The endpoint reads the same bytes again, which now deserialise into its request record.
        request.Body = new MemoryStream(bytes, writable: false);
        request.ContentLength = bytes.Length;
        return problem;
    }

    private ProblemDetails? Check(byte[] bytes, Type requestType)
    {
        if (!Utf8.IsValid(bytes))
            return Answers.Unreadable("The request body is not valid UTF-8 text. Send JSON encoded as UTF-8.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            return Answers.Unreadable(bytes.Length == 0 ? NotAnObject : null);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return Answers.Unreadable(NotAnObject);
            var errors = new Dictionary<string, string[]>();
            if (!TextIsStorable(document.RootElement, "", errors))
                return Answers.Unreadable("The request body holds text that is not valid Unicode. Send JSON encoded as UTF-8.");
            if (errors.Count > 0) return Answers.Invalid(errors);
        }

        try
        {
            JsonSerializer.Deserialize(bytes, requestType, json.Value.SerializerOptions);
            return null;
        }
        catch (JsonException wrong)
        {
            return Answers.Unreadable(field: Field(wrong.Path));
        }
        catch (Exception)
        {
            // A converter refusing a value in its own way: still a body that does not fit the record.
            return Answers.Unreadable();
        }
    }

    /// <summary>Collects each text value holding a character that cannot be stored; false when a value is not text at all.</summary>
    private static bool TextIsStorable(JsonElement element, string path, Dictionary<string, string[]> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryText(() => property.Name, out var name)) return false;
                    var field = path.Length == 0 ? Printable(name) : $"{path}.{Printable(name)}";
                    if (PlainText.Unstorable(name) is { } c) errors[field] = [PlainText.Refusal($"field name '{field}'", c)];
                    if (!TextIsStorable(property.Value, field, errors)) return false;
                }
                return true;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    if (!TextIsStorable(item, $"{path}[{index++}]", errors)) return false;
                return true;
            case JsonValueKind.String:
                if (!TryText(element.GetString, out var text)) return false;
                if (PlainText.Unstorable(text) is { } unstorable) errors[path] = [PlainText.Refusal($"'{path}' field", unstorable)];
                return true;
            default:
                return true;
        }
    }

    // An escaped half character ("\ud800") is valid JSON but not text.
    private static bool TryText(Func<string?> read, out string text)
    {
        try
        {
            text = read() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>"$.location.latitude" as the body field "location.latitude"; null for the body as a whole.</summary>
    private static string? Field(string? path) =>
        path is null || path == "$" ? null : Printable(path.StartsWith("$.") ? path[2..] : path.TrimStart('$'));

    private static string Printable(string name) =>
        string.Concat(name.Take(100).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c));
}
