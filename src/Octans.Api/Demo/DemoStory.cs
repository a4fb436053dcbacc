using System.Text.Json;
using System.Text.Json.Serialization;
using Octans.Api.ReferenceData;
using Octans.Domain;

namespace Octans.Api.Demo;

/// <summary>One problem's story in <c>high-town.json</c>: how it was reported, then the steps staff took on it.</summary>
internal sealed record DemoStory(
    string Key, DemoDay ReportedOn, string Title, string Statement, string Category, Risk Risk, DemoPlace Place,
    IReadOnlyList<DemoStep> Steps)
{
    // Strict, so a misspelt field or step in the file fails the demo tests instead of quietly dropping a step.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowOutOfOrderMetadataProperties = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static IReadOnlyList<DemoStory> Read(Stream json) =>
        JsonSerializer.Deserialize<List<DemoStory>>(json, Options)
        ?? throw new InvalidOperationException("The demo file holds no stories.");
}

/// <summary>
/// A day counted from the monthly meetings: <see cref="Days"/> after (or, when negative, before) the meeting
/// <see cref="MonthsAgo"/> months before the latest one, so the demo always ends in the weeks before it is loaded.
/// </summary>
internal sealed record DemoDay(int MonthsAgo, int Days = 0);

internal sealed record DemoPlace(string Description, double Latitude, double Longitude)
{
    public Location Location => new(Description, Latitude, Longitude, null, null, Area.HighTown.Name);
}
