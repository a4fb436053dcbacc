namespace Octans.Api.ReferenceData;

/// <summary>A neighbourhood the partnership works in; its code prefixes problem references (HT-0001).</summary>
public sealed class Area
{
    /// <summary>The area's code, e.g. "HT".</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";

    public static readonly Area HighTown = new() { Id = "HT", Name = "High Town" };
    public static IReadOnlyList<Area> Defaults { get; } = [HighTown];
}

public sealed class Category
{
    /// <summary>The category's name, which is also its identity.</summary>
    public string Id { get; set; } = "";

    /// <summary>Every problem in a sensitive category is sensitive: never published, whatever its own mark says.</summary>
    public bool Sensitive { get; set; }

    /// <summary>The partner teams who may see the problems of a sensitive category, besides coordinators and administrators.</summary>
    public List<Guid> Teams { get; set; } = [];

    public static IReadOnlyList<string> DefaultNames { get; } =
    [
        "Street lighting", "Alleyway", "Derelict site or building", "Fly-tipping", "Drug litter",
        "Graffiti", "Overgrown vegetation", "CCTV", "Other",
    ];
}
