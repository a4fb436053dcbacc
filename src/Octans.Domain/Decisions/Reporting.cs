namespace Octans.Domain;

/// <summary>The caller gives the new problem its id and its reference (such as HT-0001).</summary>
public sealed record ReportProblem(
    Guid ProblemId, string Reference, string Title, string Statement, string Category, string Area, Risk? Risk,
    Location? Location);

/// <summary>Any field left null stays as it is.</summary>
public sealed record ReviseDetails(string? Title, string? Statement, string? Category, Risk? Risk, Location? Location) : IProblemCommand;

public static partial class ProblemDecisions
{
    public static Decision Decide(ReportProblem command, Actor by, DateTimeOffset now)
    {
        var input = new Input()
            .Required("title", command.Title, "title", TextLimits.Title)
            .Required("statement", command.Statement, "statement", TextLimits.LongText)
            .Name("category", command.Category, "category", TextLimits.Name)
            .Name("area", command.Area, "area", TextLimits.Name)
            .Given("risk", command.Risk, "Choose the risk: High, Medium or Low.")
            .Location("location", command.Location);
        if (!input.IsValid)
            return input.Refusal();

        return Decision.Accept(new ProblemReported(
            command.ProblemId, command.Reference, command.Title.Trim(), command.Statement.Trim(),
            command.Category.Trim(), command.Area.Trim(), command.Risk!.Value, command.Location!.Tidy(), by, now));
    }

    public static Decision Decide(Problem state, ReviseDetails command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;

        var input = new Input();
        if (command.Title is not null)
            input.Required("title", command.Title, "title", TextLimits.Title);
        if (command.Statement is not null)
            input.Required("statement", command.Statement, "statement", TextLimits.LongText);
        if (command.Category is not null)
            input.Name("category", command.Category, "category", TextLimits.Name);
        if (command.Location is not null)
            input.Location("location", command.Location);
        if (!input.IsValid)
            return input.Refusal();

        var revised = new ProblemDetailsRevised(
            state.Id,
            Changed(state.Title, command.Title?.Trim()),
            Changed(state.Statement, command.Statement?.Trim()),
            Changed(state.Category, command.Category?.Trim()),
            command.Risk == state.Risk ? null : command.Risk,
            command.Location?.Tidy() is { } location && location != state.Location ? location : null,
            by, now);
        if (revised is { Title: null, Statement: null, Category: null, Risk: null, Location: null })
            return Decision.Refuse(
                $"Nothing has changed on {state.Reference}: change the title, statement, category, risk or location.");

        return Decision.Accept(revised);
    }

    private static string? Changed(string current, string? revised) => revised == current ? null : revised;
}
