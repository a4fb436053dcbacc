using Marten;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Problems.GettingDetails;

/// <summary>
/// The rest of what the problem page shows, a table each: exit criteria, reviews, the phases it went through and its
/// recurrences, kept by <see cref="Project"/> in the transaction of every write. Rows are keyed by the version of the
/// event that made them, which also orders them.
/// </summary>
public static partial class ProblemRecord
{
    public static readonly string Criteria = ReadTables.Qualified("exit_criteria"), Reviews = ReadTables.Qualified("reviews"),
        Phases = ReadTables.Qualified("phase_history"), Recurrences = ReadTables.Qualified("recurrences");

    public const string ProblemId = "problem_id", Version = "version", Id = "id", Phase = "phase", Text = "text", Met = "met",
        MetAt = "met_at", Evidence = "evidence", MetBy = "met_by", MeetingOn = "meeting_on", Rag = "rag", Decision = "decision",
        NextReviewOn = "next_review_on", By = "by", At = "at", Reason = "reason", Override = "override", ObservedOn = "observed_on",
        Description = "description", Source = "source";

    public static void Declare(StoreOptions options)
    {
        options.Declare("exit_criteria", table =>
        {
            table.AddColumn(Id, "uuid").AsPrimaryKey();
            Keyed(table, primary: false);
            table.AddColumn(Phase, "text").NotNull();
            table.AddColumn(Text, "text").NotNull();
            table.AddColumn(Met, "boolean").NotNull();
            table.AddColumn(MetAt, "timestamp with time zone");
            table.AddColumn(Evidence, "text");
            table.AddColumn(MetBy, "text");
            table.Index([ProblemId, Version]);
        });
        options.Declare("reviews", table =>
        {
            Keyed(table);
            table.AddColumn(MeetingOn, "date").NotNull();
            table.AddColumn(Rag, "text").NotNull();
            table.AddColumn(Decision, "text").NotNull();
            table.AddColumn(NextReviewOn, "date");
        });
        options.Declare("phase_history", table =>
        {
            Keyed(table);
            table.AddColumn(Phase, "text").NotNull();
            table.AddColumn(Reason, "text");
            table.AddColumn(Override, "boolean").NotNull();
        });
        options.Declare("recurrences", table =>
        {
            Keyed(table);
            table.AddColumn(ObservedOn, "date").NotNull();
            table.AddColumn(Description, "text").NotNull();
            table.AddColumn(Source, "text");
        });
    }

    /// <summary>The problem and event version that key a row, who made it and when.</summary>
    private static void Keyed(Weasel.Postgresql.Tables.Table table, bool primary = true)
    {
        var problem = table.AddColumn(ProblemId, "uuid").NotNull();
        var version = table.AddColumn(Version, "integer").NotNull();
        if (primary)
        {
            problem.AsPrimaryKey();
            version.AsPrimaryKey();
        }
        table.AddColumn(By, "text").NotNull();
        table.AddColumn(At, "timestamp with time zone").NotNull();
    }

    public static void Project(IDocumentOperations operations, IProblemEvent change, int version)
    {
        switch (change)
        {
            case ProblemReported e:
                Insert(operations, Phases, [Phase, Reason, Override], e, version, Domain.Phase.Clear, null, false);
                break;
            case PhaseAdvanced e:
                Insert(operations, Phases, [Phase, Reason, Override], e, version, e.To, e.Override, e.Override is not null);
                break;
            case PhaseReverted e:
                Insert(operations, Phases, [Phase, Reason, Override], e, version, e.To, e.Reason, false);
                break;
            case ExitCriterionAdded e:
                operations.Queue($"insert into {Criteria} ({Id}, {ProblemId}, {Version}, {By}, {At}, {Phase}, {Text}, {Met}) values (?, ?, ?, ?, ?, ?, ?, false)",
                    e.CriterionId, e.ProblemId, version, e.By.Name, e.AddedAt, e.Phase, e.Text);
                break;
            case ExitCriterionMet e:
                operations.Queue($"update {Criteria} set {Met} = true, {MetAt} = ?, {Evidence} = ?, {MetBy} = ? where {Id} = ?",
                    e.MetAt, e.Evidence, e.By.Name, e.CriterionId);
                break;
            case ReviewRecorded e:
                Insert(operations, Reviews, [MeetingOn, Rag, Decision, NextReviewOn], e, version, e.MeetingOn, e.Rag, e.Decision, e.NextReviewOn);
                break;
            case RecurrenceLogged e:
                Insert(operations, Recurrences, [ObservedOn, Description, Source], e, version, e.ObservedOn, e.Description, e.Source);
                break;
        }
    }

    private static void Insert(IDocumentOperations operations, string table, string[] columns, IProblemEvent e, int version, params object?[] values) =>
        operations.Queue(
            $"insert into {table} ({ProblemId}, {Version}, {By}, {At}, {string.Join(", ", columns)}) values (?, ?, ?, ?{string.Concat(columns.Select(_ => ", ?"))})",
            [e.ProblemId, version, e.By.Name, e.At, .. values]);
}
