using Octans.Domain;

namespace Octans.Api.Pages.Problems;

/// <summary>
/// The Change links of a problem's details, one question per page: each revises one detail and leaves the others as
/// they are (<see cref="ReviseDetails"/> keeps what it is given as null). The place is changed by the "place" form.
/// </summary>
public static class DetailForms
{
    private static ChangeForm Revise(string key, string title, string button, FormField field, Func<ChangeContext, ReviseDetails> build) =>
        new(key, title, button, [field], typeof(ReviseDetails), build);

    public static IReadOnlyList<ChangeForm> All { get; } =
    [
        Revise("title", "Change the title", "Change title",
            new("title", "Title", FieldKind.Text, "A short name for the place and the problem, for example ‘Dark alley behind Wenlock Street’.")
                { Default = c => c.Problem.Title, Missing = "Enter the title" },
            c => new ReviseDetails(c.Text("title"), null, null, null, null)),
        Revise("statement", "Change the problem statement", "Change problem statement",
            new("statement", "Problem statement", FieldKind.Textarea, "What happens, where and when, and the harm it causes.")
                { Default = c => c.Problem.Statement, Missing = "Enter the problem statement", MaxLength = TextLimits.LongText },
            c => new ReviseDetails(null, c.Text("statement"), null, null, null)),
        Revise("category", "Change the category", "Change category",
            new("category", "Category", FieldKind.Select)
                { Options = c => [.. c.Categories.Select(name => (name, name))], Default = c => c.Problem.Category, Missing = "Select the category" },
            c => new ReviseDetails(null, null, c.Text("category"), null, null)),
        Revise("risk", "Change the risk", "Change risk",
            new("risk", "Risk", FieldKind.Radios) { Options = _ => [("High", "High"), ("Medium", "Medium"), ("Low", "Low")], Default = c => c.Problem.Risk.ToString(), Missing = "Select the risk" },
            c => new ReviseDetails(null, null, null, c.Choose<Risk>("risk"), null)),
    ];
}
