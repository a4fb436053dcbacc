using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;

namespace Octans.Api.Photos;

/// <summary>Marks an endpoint that takes a photo as multipart/form-data, which <see cref="RequestChecks"/> lets through up to <see cref="PhotoUploads.MostBodyBytes"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PhotoUploadAttribute : Attribute;

/// <summary>A photo form as sent: the photo made ready (or why not), and the other fields as text.</summary>
public sealed record PhotoForm(PhotoPreparation? Photo, IFormCollection Fields)
{
    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value.ToString() : null;
}

/// <summary>
/// How a photo arrives, for the API and the pages alike: a multipart form with the file in the field <c>photo</c>, no
/// larger than <see cref="PhotoProcessing.MostBytes"/> with a little room for the form's other fields.
/// </summary>
public static class PhotoUploads
{
    public const string FileField = "photo";

    public const long MostBodyBytes = PhotoProcessing.MostBytes + 64 * 1024;

    public static ProblemDetails TooLarge() => Answers.TooLarge(PhotoProcessing.TooLarge);

    /// <summary>Kestrel and the form reader refuse a body larger than a photo form needs, for every route.</summary>
    public static void AddOctansPhotos(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MostBodyBytes);
        builder.Services.Configure<FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = MostBodyBytes;
            form.ValueCountLimit = 64;
        });
    }

    /// <summary>
    /// Reads the form and prepares its photo. A body that is not a multipart form reads as an empty one, so what the form
    /// lacks is said field by field; a form that breaks off or is too large is the problem to answer instead.
    /// </summary>
    public static async Task<(PhotoForm? Form, ProblemDetails? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return (new PhotoForm(null, FormCollection.Empty), null);
        IFormCollection fields;
        try
        {
            fields = await request.ReadFormAsync(cancellation);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, exception is BadHttpRequestException { StatusCode: 413 } || request.ContentLength > MostBodyBytes
                ? TooLarge()
                : Answers.Unreadable("The request body is not a complete multipart/form-data form. Send the photo in a field named 'photo', with 'when' and 'version'."));
        }
        if (fields.Files.GetFile(FileField) is not { } file) return (new PhotoForm(null, fields), null);
        if (file.Length > PhotoProcessing.MostBytes) return (null, TooLarge());
        await using var stream = file.OpenReadStream();
        var photo = await PhotoProcessing.PrepareAsync(stream, cancellation);
        return photo.Status == 413 ? (null, TooLarge()) : (new PhotoForm(photo, fields), null);
    }
}
