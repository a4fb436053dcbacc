using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;
using Octans.Api.Photos;

namespace Octans.Api.Tests.Photos;

/// <summary>A photo form sent as a client sends it, and the stored copies read straight from the table.</summary>
public static class PhotoUploadsApi
{
    public sealed record Answer(int Status, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
        public Guid PhotoId => Json.GetProperty("photoId").GetGuid();
        public int Version => Json.GetProperty("version").GetInt32();
        public string? Error(string field) => Json.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages) ? messages[0].GetString() : null;
    }

    public static MultipartFormDataContent Form(byte[]? photo, string? when = "Before", int? version = null, string fileName = "photo.jpg", string type = "image/jpeg")
    {
        var form = new MultipartFormDataContent();
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(file, PhotoUploads.FileField, fileName);
        }
        if (when is not null) form.Add(new StringContent(when), "when");
        if (version is not null) form.Add(new StringContent(version.ToString()!), "version");
        return form;
    }

    public static async Task<Answer> Upload(this AppFixture app, string email, string url, HttpContent content, string? idempotencyKey = null)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor(email));
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request);
        return new((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<(int Status, string? Type, string? CacheControl, byte[] Body)> Download(this AppFixture app, string email, string url)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor(email));
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.CacheControl?.ToString(),
            await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Every stored copy of the photo, full, page and thumb, as the table holds them.</summary>
    public static async Task<byte[][]> StoredCopies(this AppFixture app, Guid photoId)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select {PhotoStorage.Full}, {PhotoStorage.Page}, {PhotoStorage.Thumb} from {PhotoStorage.Table} where {PhotoStorage.Id} = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = photoId });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return [];
        return [reader.GetFieldValue<byte[]>(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2)];
    }

    public static async Task<long> PhotosKept(this AppFixture app)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {PhotoStorage.Table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
