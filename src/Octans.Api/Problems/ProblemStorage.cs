using JasperFx.Events.Projections;
using Marten;
using Octans.Api.Setup;
using Octans.Api.Teams.TaskList;
using Octans.Domain;
using Weasel.Postgresql.Tables;

namespace Octans.Api.Problems;

public static class ProblemStorage
{
    /// <summary>Marten's table of problem documents, for the reads written in SQL over its duplicated columns.</summary>
    public const string Table = $"{DatabaseSettings.MartenSchema}.mt_doc_problem";

    public static void ConfigureProblems(this StoreOptions options)
    {
        options.Events.AddEventTypes(ProblemEvents.All);

        // The aggregate is kept up to date in the same transaction as every write, and doubles as the read
        // model of the problem page and the board.
        options.Projections.Add<ProblemProjection>(ProjectionLifecycle.Inline);

        // What the problem list and the dashboard filter, count and sort by is copied into real, indexed columns,
        // so a national list of problems is searched through indexes rather than by reading every document's JSON.
        options.Schema.For<Problem>()
            .Duplicate(p => p.Area)
            .Duplicate(p => p.Category)
            .Duplicate(p => p.UpdatedAt)
            .Duplicate(p => p.EarliestOpenDueOn)
            .Duplicate(p => p.Reference, configure: index => index.IsUnique = true)
            .Duplicate(p => p.OpenActionTeamIds, pgType: "uuid[]", configure: index => index.Method = IndexMethod.gin);

        // What the list and the task lists show but never filter by is copied into columns too, without an index: a
        // problem's document holds its whole history and is stored compressed out of line, so a page read from the
        // document would decompress every problem the filter matched, where a page read from columns decompresses none.
        // RAG is filtered on, but with three values an index of its own is not worth keeping up to date on every write
        // (each write moves updated_at, so every index of the row takes a new entry); status and phase share one.
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType != typeof(Problem)) return;
            foreach (var member in new[] { nameof(Problem.Title), nameof(Problem.Risk), nameof(Problem.OpenActions), nameof(Problem.Version),
                         nameof(Problem.Status), nameof(Problem.Phase), nameof(Problem.Rag) })
                mapping.DuplicateField(member);
            mapping.DuplicateField([typeof(Problem).GetProperty(nameof(Problem.Location))!, typeof(Location).GetProperty(nameof(Location.Description))!]);
            // Open problems of a phase for the list, and every problem counted by status and phase for the dashboard and
            // the board, which PostgreSQL then answers from this index alone without visiting the rows.
            mapping.AddIndex("status", "phase");
        });

        options.ConfigureTeamTasks();
    }
}
