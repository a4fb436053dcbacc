using System.Globalization;
using System.Security.Cryptography;
using Octans.Domain;
using Octans.Reports.Layout;
using static Octans.Reports.PackWords;

namespace Octans.Reports.MonthlyPacks;

/// <summary>A rendered pack: the PDF, its page count and the SHA-256 of its bytes (lower-case hex).</summary>
public sealed record RenderedPack(byte[] Pdf, int Pages, string Sha256);

/// <summary>
/// Composes the councillors' pack from its model on the layout layer. No I/O and no clock: the document's date is
/// the month's cutoff, so the same model always gives the same bytes.
/// </summary>
public static class MonthlyPackDocument
{
    static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    public static RenderedPack Render(MonthlyPackModel model)
    {
        var rendered = Compose(model).RenderDocument();
        return new RenderedPack(rendered.Pdf, rendered.Pages, Convert.ToHexStringLower(SHA256.HashData(rendered.Pdf)));
    }

    public static PackDocument Compose(MonthlyPackModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var info = new DocumentInfo(
            $"{model.Area} progress pack, {model.Month.Name}",
            "en-GB",
            "Operation Octans partnership",
            model.Cutoff,
            subject: $"Clear, Hold, Build progress of the partnership's problems in {model.Area} during {model.Month.Name}");

        return new PackDocument(info)
            .Header($"{model.Area} · {model.Month.Name}", "Operation Octans progress pack")
            .Footer($"Record as at {CutoffText(model)} · places and counts only")
            .Content(c => Cover(c, model))
            .Content(c => Summary(c, model))
            .Content(c => Overdue(c, model))
            .Content(c => Board(c, model))
            .Content(c => ActiveProblems(c, model))
            .Content(c => Trends(c, model))
            .Content(Glossary);
    }

    static void Cover(ContentColumn c, MonthlyPackModel model)
    {
        c.Heading1(model.Title);
        c.Paragraph(p => p.Bold($"Monthly progress pack for {model.Month.Name}"));
        c.KeyValueList(l => l
            .Item("Area", model.Area)
            .Item("Month", model.Month.Name)
            .Item("Record as at", $"{CutoffText(model)}, the end of the month. Anything recorded later, even if dated inside the month, is not in this pack.")
            .Item("Partners involved", model.Partners.Count == 0 ? "No partner has been given actions in this area yet." : string.Join(", ", model.Partners))
            .Item("Open problems at month end", Count(model.Summary.AtEnd.Open))
            .Item("Overdue actions at month end", Count(model.Summary.ActionsOverdue)));
        c.Paragraph(
            $"This pack shows where each of the partnership's problems in {model.Area} stood at the end of {model.Month.Name}, " +
            "what changed during the month and how things have moved over the last year. It is built from the Octans record as it " +
            "stood at the cutoff, so it reads the same whenever it is produced again.");
        c.Paragraph(
            "Octans is about places, not people: this pack carries counts, places and the partnership's own notes, and never names " +
            "residents, victims or suspects. Confidence ratings are written as Red, Amber or Green next to their colour.");
        if (!model.HadActivity)
            c.Paragraph(p => p.Bold("No activity this month. ").Text(
                $"Nothing was recorded for {model.Area}'s problems in {model.Month.Name}: no problem was reported, moved, reviewed or " +
                "closed, and no action was planned or completed."));

        c.Heading2("In this pack");
        c.KeyValueList(l => l
            .Item("Summary", "Problems by phase at the start and end of the month, and what happened during it.")
            .Item("Overdue actions by team", "Each partner team's actions still open after their due date.")
            .Item("Problem board", "Every open problem with its phase, confidence rating, risk and actions.")
            .Item($"Problems active in {model.Month.Name}",
                $"{Sentence(Plural(model.ActiveProblems.Count, "problem", "problems"))}, each with its phase history, exit criteria, actions, reviews and notes.")
            .Item("Trends", "The last twelve months in two charts, each followed by its figures.")
            .Item("Glossary", "Clear, Hold, Build and the other words this pack uses."));
        c.PageBreak();
    }

    static void Summary(ContentColumn c, MonthlyPackModel model)
    {
        var s = model.Summary;
        c.Heading1("Summary");
        c.Paragraph(SummarySentence(model));
        if (model.NotListedSentence is { } notListed) c.Paragraph(notListed);

        c.Heading2("Problems by phase");
        c.Table(t =>
        {
            t.Column("Phase", 2)
                .Column($"Start of {model.Month.Name}", 1.4, TextAlign.Right)
                .Column($"End of {model.Month.Name}", 1.4, TextAlign.Right)
                .Column("Change", 1, TextAlign.Right);
            foreach (var phase in Enum.GetValues<Phase>())
                t.Row(phase.ToString(), Count(s.AtStart.Of(phase)), Count(s.AtEnd.Of(phase)), Change(s.AtStart.Of(phase), s.AtEnd.Of(phase)));
            t.Row("All open problems", Count(s.AtStart.Open), Count(s.AtEnd.Open), Change(s.AtStart.Open, s.AtEnd.Open));
            t.Row("Closed (all time)", Count(s.AtStart.Closed), Count(s.AtEnd.Closed), Change(s.AtStart.Closed, s.AtEnd.Closed));
        });

        c.Heading2($"During {model.Month.Name}");
        c.KeyValueList(l => l
            .Item("New problems", Count(s.NewProblems))
            .Item("Moved forward a phase", Count(s.Advanced))
            .Item("Moved back a phase", Count(s.Reverted))
            .Item("Closed", s.Closed == 0
                ? "0"
                : $"{Count(s.Closed)}: " + string.Join(", ", s.ClosedByOutcome.Select(o => $"{OutcomeWord(o.Outcome)} {Count(o.Count)}")))
            .Item("Reopened", Count(s.Reopened))
            .Item("Recurrences logged", Count(s.Recurrences))
            .Item("Actions opened", Count(s.ActionsOpened))
            .Item("Actions completed", Count(s.ActionsCompleted))
            .Item("Actions overdue at month end", Count(s.ActionsOverdue)));
    }

    public static string SummarySentence(MonthlyPackModel model)
    {
        var s = model.Summary;
        if (!model.HadActivity)
            return $"Nothing was recorded for {model.Area}'s problems in {model.Month.Name}. " +
                   $"{Sentence(Plural(s.AtEnd.Open, "problem was", "problems were"))} open at the end of the month" +
                   (s.ActionsOverdue > 0 ? $", with {Plural(s.ActionsOverdue, "action", "actions")} overdue." : ".");
        return $"In {model.Month.Name} {Plural(s.NewProblems, "problem was", "problems were")} reported, " +
               $"{Count(s.Advanced)} moved forward a phase, {Count(s.Reverted)} moved back and {Count(s.Closed)} " +
               $"{(s.Closed == 1 ? "was" : "were")} closed. Partners completed {Plural(s.ActionsCompleted, "action", "actions")} " +
               $"and {Count(s.ActionsOpened)} new {(s.ActionsOpened == 1 ? "one was" : "ones were")} planned; " +
               $"{Plural(s.ActionsOverdue, "action was", "actions were")} overdue at the end of the month. " +
               $"{Sentence(Plural(s.AtEnd.Open, "problem remains", "problems remain"))} open.";
    }

    static void Overdue(ContentColumn c, MonthlyPackModel model)
    {
        c.Heading1("Overdue actions by team");
        if (model.OverdueByTeam.Count == 0)
        {
            c.Paragraph($"No action was overdue at the end of {model.Month.Name}.");
            return;
        }

        c.Paragraph(
            $"{Sentence(Plural(model.Summary.ActionsOverdue, "action was", "actions were"))} still open after its due date at the end of " +
            $"{model.Month.Name}, across {Plural(model.OverdueByTeam.Count, "team", "teams")}. Days overdue are counted to the end of the month.");
        c.Table(t =>
        {
            t.Column("Team", 3).Column("Partner", 3).Column("Overdue actions", 1.4, TextAlign.Right);
            foreach (var team in model.OverdueByTeam)
                t.Row(team.Team, team.Partner, Count(team.Count));
        });
        foreach (var team in model.OverdueByTeam)
        {
            c.Heading2($"{team.Team} ({team.Partner}): {Plural(team.Count, "overdue action", "overdue actions")}");
            c.Table(t =>
            {
                t.FixedColumn("Problem", 58).Column("Action", 4).FixedColumn("Due", 92).FixedColumn("Days overdue", 76, TextAlign.Right);
                foreach (var action in team.Actions)
                    t.Row(action.ProblemReference, Clip(action.Description), Date(action.DueOn), Count(action.DaysOverdue));
            });
        }
    }

    static void Board(ContentColumn c, MonthlyPackModel model)
    {
        c.Heading1("Problem board");
        if (model.Board.Count == 0)
        {
            c.Paragraph($"No problem in {model.Area} was open at the end of {model.Month.Name}.");
            return;
        }

        c.Paragraph(
            $"Every problem open at the end of {model.Month.Name}. Confidence (RAG) is the partnership's rating at its latest review " +
            "of whether the problem will meet its exit criteria; \"Not rated\" means no review has been recorded yet.");
        c.Table(t =>
        {
            t.FixedColumn("Ref", 50).Column("Problem", 1.3).Column("Location", 1)
                .FixedColumn("Phase", 38).FixedColumn("RAG", 60).FixedColumn("Risk", 46)
                .FixedColumn("Open actions", 42, TextAlign.Right).FixedColumn("Overdue", 50, TextAlign.Right);
            foreach (var problem in model.Board)
                t.Row(problem.Reference, problem.Title, Clip(problem.Location), problem.Phase.ToString(), RagBadge(problem.Rag),
                    problem.Risk.ToString(), Count(problem.OpenActions), Count(problem.OverdueActions));
        });
        SlippingBack(c, model);
    }

    /// <summary>Hold decay: the open problems in Hold or Build that drew reports again since their last review.</summary>
    static void SlippingBack(ContentColumn c, MonthlyPackModel model)
    {
        var slipping = model.Board.Where(p => p.HoldDecay is not null).ToList();
        c.Heading2("Slipping back");
        if (slipping.Count == 0)
        {
            c.Paragraph($"No problem in Hold or Build drew new reports since its last review by the end of {model.Month.Name}.");
            return;
        }
        c.Paragraph("Problems in Hold or Build drawing reports again. The partnership decides at its next review whether each goes back to Clear.");
        foreach (var problem in slipping)
            c.Paragraph(p => p.Bold($"{problem.Reference} {problem.Title} ({problem.Phase}): ").Text($"{problem.HoldDecay!.Describe()}."));
    }

    static void ActiveProblems(ContentColumn c, MonthlyPackModel model)
    {
        c.Heading1($"Problems active in {model.Month.Name}");
        if (model.ActiveProblems.Count == 0)
        {
            c.Paragraph($"No problem in {model.Area} had anything recorded in {model.Month.Name}.");
            return;
        }

        c.Paragraph(
            $"{Sentence(Plural(model.ActiveProblems.Count, "problem", "problems"))} had something recorded during the month: a report, an action, " +
            "a note, a review, a phase move, a recurrence or a closure. Each is shown as it stood at the end of the month.");
        foreach (var problem in model.ActiveProblems)
            ProblemSection(c, problem, model.Month);
    }

    /// <summary>
    /// A problem's month in a few sentences and one table of its actions. A busy area has hundreds of these, so the
    /// section keeps to what changed and where the problem stands; the board already lists every problem's rating.
    /// </summary>
    static void ProblemSection(ContentColumn c, ProblemMonth problem, PackMonth month)
    {
        c.Heading2($"{problem.Reference} · {problem.Title}");
        c.Paragraph(p => p.Bold(problem.Location.TrimEnd('.') + ". ").Text(Standing(problem, month)));
        c.Paragraph(p => p.Bold("Phase history: ").Text(string.Join("; ", problem.PhaseHistory.Select(PhaseStepText)) + "."));

        if (problem.ExitCriteria.Count == 0)
            c.Paragraph(p => p.Bold("Exit criteria: ").Text("none set yet."));
        else
            c.Paragraph(p => p
                .Bold($"Exit criteria, {problem.ExitCriteria.Count(x => x.Met)} of {problem.ExitCriteria.Count} met: ")
                .Text(string.Join(" ", problem.ExitCriteria.Select(CriterionText))));

        if (problem.CompletedThisMonth.Count > 0 || problem.OpenActions.Count > 0)
            c.Table(t =>
            {
                t.Column("Action", 2.2).Column("Team", 1.3).FixedColumn("Due", 92).Column("Done this month, or still open", 2.6);
                foreach (var action in problem.CompletedThisMonth)
                    t.Row(Clip(action.Description), action.Team, "", Clip($"Done {Date(action.CompletedOn)}: {action.Note}"));
                foreach (var action in problem.OpenActions)
                    t.Row(Clip(action.Description), action.Team, Date(action.DueOn),
                        action.DaysOverdue > 0 ? $"Open, {Plural(action.DaysOverdue, "day", "days")} overdue" : $"Open ({action.Phase})");
            });

        if (problem.Photos.Count > 0)
        {
            c.Paragraph(p => p.Bold("Photos added this month:"));
            c.Pictures([.. problem.Photos.Select(photo => new Picture(photo.Thumbnail, photo.AltText, photo.Caption))]);
        }

        foreach (var review in problem.Reviews)
            c.Paragraph(p => p
                .Bold($"Review at the meeting on {Date(review.MeetingOn)}, rated {review.Rag}: ")
                .Text(review.Decision + (review.NextReviewOn is { } next ? $" Next review {Date(next)}." : "")));
        foreach (var note in problem.Notes)
            c.Paragraph(p => p.Bold($"Note, {Date(note.On)}: ").Text(note.Text));
        foreach (var recurrence in problem.Recurrences)
            c.Paragraph(p => p
                .Bold($"Recurrence seen on {Date(recurrence.ObservedOn)}: ")
                .Text(recurrence.Description.TrimEnd('.') + (recurrence.Source is { } source ? $" (reported by: {source})." : ".")));
    }

    public static string Standing(ProblemMonth problem, PackMonth month)
    {
        var facts = $"{problem.Category}, {problem.Risk.ToString().ToLowerInvariant()} risk. ";
        if (problem.Status == ProblemStatus.Closed)
            return facts + $"Closed{(problem.ClosedOn is { } on ? $" on {Date(on)}" : "")} from {problem.Phase}, outcome " +
                   $"{OutcomeWord(problem.Outcome)}{(problem.ClosingNote is { } note ? $": {note.TrimEnd('.')}." : ".")}";
        return facts + (problem.ReportedThisMonth ? $"Reported in {month.Name}. " : "") +
               $"In {problem.Phase} at the end of the month; " +
               (problem.Rag is { } rag ? $"confidence {rag} at the latest review." : "not reviewed yet.");
    }

    public static string PhaseStepText(PhaseStep step) => $"{step.Phase} from {Date(step.EnteredOn)} " + step.Move switch
    {
        PhaseMove.Reported => "(reported)",
        PhaseMove.Advanced => "(moved forward)",
        PhaseMove.AdvancedWithOverride => $"(moved forward with work still open: {step.Reason?.TrimEnd('.')})",
        _ => $"(moved back: {step.Reason?.TrimEnd('.')})",
    };

    public static string CriterionText(CriterionState criterion) =>
        $"{criterion.Text.TrimEnd('.')} ({criterion.Phase}): " +
        (criterion.Met ? $"met on {Date(criterion.MetOn!.Value)}{(criterion.Evidence is { } evidence ? $" (evidence: {evidence.TrimEnd('.')})" : "")}." : "not yet met.");

    static void Trends(ContentColumn c, MonthlyPackModel model)
    {
        var trends = model.Trends;
        var first = trends[0];
        var last = trends[^1];
        var categories = trends.Select(t => t.Month.ShortName).ToList();
        var span = $"{first.Month.Name} to {last.Month.Name}";

        c.Heading1("Trends over the last 12 months");
        c.Heading2("Open problems by phase at each month end");
        c.BarChart(new BarChart(
            $"Stacked bar chart of open problems by phase at the end of each month, {span}. " +
            $"At the end of {first.Month.Name}: {PhaseText(first.AtEnd)}. At the end of {last.Month.Name}: {PhaseText(last.AtEnd)}. " +
            $"Highest total: {Plural(trends.Max(t => t.AtEnd.Open), "open problem", "open problems")}. The figures are in the table that follows.",
            categories,
            [
                new ChartSeries("Clear", trends.Select(t => (double)t.AtEnd.Clear).ToList()),
                new ChartSeries("Hold", trends.Select(t => (double)t.AtEnd.Hold).ToList()),
                new ChartSeries("Build", trends.Select(t => (double)t.AtEnd.Build).ToList()),
            ],
            BarChartLayout.Stacked,
            height: 210,
            valueAxisTitle: "Open problems"));
        c.Table(t =>
        {
            t.Column("Month end", 1.6).Column("Clear", 1, TextAlign.Right).Column("Hold", 1, TextAlign.Right)
                .Column("Build", 1, TextAlign.Right).Column("All open", 1, TextAlign.Right).Column("Closed (all time)", 1.3, TextAlign.Right);
            foreach (var trend in trends)
                t.Row(trend.Month.Name, Count(trend.AtEnd.Clear), Count(trend.AtEnd.Hold), Count(trend.AtEnd.Build),
                    Count(trend.AtEnd.Open), Count(trend.AtEnd.Closed));
        });

        c.Heading2("Actions opened and completed each month");
        c.BarChart(new BarChart(
            $"Grouped bar chart of actions opened and completed in each month, {span}. " +
            $"In {last.Month.Name}: {Count(last.ActionsOpened)} opened and {Count(last.ActionsCompleted)} completed. " +
            $"Over the twelve months: {Count(trends.Sum(t => t.ActionsOpened))} opened and {Count(trends.Sum(t => t.ActionsCompleted))} completed. " +
            "The figures are in the table that follows.",
            categories,
            [
                new ChartSeries("Opened", trends.Select(t => (double)t.ActionsOpened).ToList()),
                new ChartSeries("Completed", trends.Select(t => (double)t.ActionsCompleted).ToList()),
            ],
            height: 190,
            valueAxisTitle: "Actions"));
        c.Table(t =>
        {
            t.Column("Month", 2).Column("Actions opened", 1, TextAlign.Right).Column("Actions completed", 1, TextAlign.Right);
            foreach (var trend in trends)
                t.Row(trend.Month.Name, Count(trend.ActionsOpened), Count(trend.ActionsCompleted));
        });
    }

    static void Glossary(ContentColumn c)
    {
        c.PageBreak();
        c.Heading1("Glossary");
        c.KeyValueList(l => l
            .Item("Clear", "The first phase: intensive action to remove the immediate harm, such as enforcement, clearing waste and drug litter, securing derelict buildings and repairing lights.")
            .Item("Hold", "The second phase: keeping the place stable so the harm does not return, through patrols, re-inspections, scheduled cleansing and CCTV. A recurrence in Hold is the signal to go back to Clear.")
            .Item("Build", "The third phase: lasting change with the community, such as lighting upgrades, alley gates, sites brought back into use and residents taking ownership.")
            .Item("Exit criteria", "What the partnership agreed must be true before a problem leaves a phase, each met with evidence.")
            .Item("Override", "Moving a problem on with actions or exit criteria still open; the reason is recorded.")
            .Item("Confidence (RAG)", "Red, Amber or Green: the partnership's judgement at its latest review of whether the problem will meet its exit criteria.")
            .Item("Overdue", "An action still open after its due date.")
            .Item("Recurrence", "The problem seen again at the place after work on it."));
    }

    static Badge RagBadge(Rag? rag) => rag switch
    {
        Rag.Red => new Badge(BadgeColour.Red, "Red"),
        Rag.Amber => new Badge(BadgeColour.Amber, "Amber"),
        Rag.Green => new Badge(BadgeColour.Green, "Green"),
        _ => new Badge(BadgeColour.Grey, "Not rated"),
    };

    public static string OutcomeWord(Outcome? outcome) => outcome switch
    {
        Outcome.Resolved => "Resolved",
        Outcome.ReducedAndManaged => "Reduced and managed",
        Outcome.HandedOver => "Handed over",
        Outcome.NoFurtherAction => "No further action",
        Outcome.Duplicate => "Duplicate",
        _ => "no outcome",
    };

    static string PhaseText(PhaseCounts counts) =>
        $"{Count(counts.Clear)} in Clear, {Count(counts.Hold)} in Hold and {Count(counts.Build)} in Build";

    /// <summary>"00:00 on 1 November 2026 (GMT)": midnight at the end of the month, in the clock time of that night.</summary>
    public static string CutoffText(MonthlyPackModel model)
    {
        var local = TimeZoneInfo.ConvertTime(model.Cutoff, London.TimeZone);
        var zone = local.Offset == TimeSpan.Zero ? "GMT" : "BST";
        return string.Create(Numbers, $"00:00 on {local:d MMMM yyyy} ({zone})");
    }
}
