using Microsoft.AspNetCore.WebUtilities;
using Octans.Api.Problems.Listing;

namespace Octans.Api.Pages.Problems;

/// <summary>One chosen filter as a tag: what it says, and the board's address without it.</summary>
public sealed record SelectedFilter(string Heading, string Text, string Remove);

public sealed partial class BoardModel
{
    /// <summary>The statuses the board can show, the open problems first as they are its default.</summary>
    public static readonly IReadOnlyList<(string Value, string Text)> Statuses =
        [("", "Open"), ("Closed", "Closed"), (ProblemFilter.AnyStatus, "Open and closed")];

    /// <summary>The orders the board can show, by the value of sort, with how the list's caption says each.</summary>
    public static readonly IReadOnlyList<(string Value, string Text, string Caption)> Orders =
    [
        ("", "Most recently updated", "most recently updated first"),
        ("risk", "Highest risk", "highest risk first"),
        ("confidence", "Lowest confidence", "lowest confidence first: Red, Amber, Green, then not yet rated"),
        ("nextReview", "Next review due", "earliest next review first"),
    ];

    /// <summary>How the list is ordered, in words, for its caption.</summary>
    public string OrderCaption =>
        Orders.FirstOrDefault(o => o.Value.Equals(Blank(Sort) ?? "", StringComparison.OrdinalIgnoreCase)).Caption ?? Orders[0].Caption;

    /// <summary>Whether any filter is chosen; the open problems, the board's default, count as none.</summary>
    public bool Filtered => Selected.Count > 0;

    /// <summary>The chosen filters as tags, in the order the form asks for them, each removing only itself.</summary>
    public IReadOnlyList<SelectedFilter> Selected
    {
        get
        {
            var tags = new List<SelectedFilter>();
            void Tag(string name, string heading, string? value, string? text = null)
            {
                if (Blank(value) is { } given) tags.Add(new SelectedFilter(heading, text ?? given, With(name, null)));
            }
            Tag("q", "Search", Q, $"“{Blank(Q)}”");
            Tag("status", "Status", Status, Statuses.FirstOrDefault(s => s.Value.Equals(Blank(Status), StringComparison.OrdinalIgnoreCase)).Text);
            Tag("phase", "Phase", Phase);
            Tag("category", "Category", Category);
            Tag("teamId", "Team with open actions", TeamId, Teams.FirstOrDefault(t => t.Item1 == Blank(TeamId)).Item2);
            Tag("rag", "Confidence", Rag);
            Tag("area", "Area", Area);
            Tag("overdue", "Overdue actions", Overdue == "true" ? Overdue : null, "Only with overdue actions");
            return tags;
        }
    }

    /// <summary>The board's address without any filter, keeping the view and the order.</summary>
    public string WithoutFilters => Address(new() { ["view"] = OnMap ? "map" : null, ["sort"] = Blank(Sort) });

    /// <summary>The board's address with one filter changed, keeping the others.</summary>
    public string With(string name, string? value) => With((name, value));

    /// <summary>The board's address with some values changed, keeping the others; any change but the page's starts at the first page.</summary>
    public string With(params (string Name, string? Value)[] changes)
    {
        var query = Current;
        foreach (var (name, value) in changes) query[name] = value;
        if (!changes.Any(c => c.Name == "page")) query.Remove("page");
        return Address(query);
    }

    /// <summary>The board's values as the query string has them, the page number aside.</summary>
    public Dictionary<string, string?> Current => new()
    {
        ["q"] = Q, ["status"] = Status, ["phase"] = Phase, ["category"] = Category, ["teamId"] = TeamId, ["rag"] = Rag, ["area"] = Area,
        ["overdue"] = Overdue, ["sort"] = Sort, ["view"] = OnMap ? "map" : null,
    };

    private static string Address(Dictionary<string, string?> query) =>
        QueryHelpers.AddQueryString("/problems", query.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value));
}
