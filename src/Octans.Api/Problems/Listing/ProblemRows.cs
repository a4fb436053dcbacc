using Marten;
using Octans.Api.Inbox;
using Octans.Api.Setup;
using Octans.Domain;
using Weasel.Postgresql.Tables;
using C = Octans.Api.ReferenceData.ReferenceDataStorage;

namespace Octans.Api.Problems.Listing;

/// <summary>
/// The problems read model: one row per problem with everything the board, the list, the dashboard and the head of
/// the problem page show, kept by <see cref="Project"/> in the transaction of every write.
/// </summary>
public static partial class ProblemRows
{
    public const string Name = "problems";
    public static readonly string Table = ReadTables.Qualified(Name);

    public const string Id = "id", Reference = "reference", Title = "title", Statement = "statement", Category = "category", Area = "area",
        Risk = "risk", Place = "location_description", Latitude = "latitude", Longitude = "longitude", Uprn = "uprn", Usrn = "usrn",
        Ward = "ward", Phase = "phase", Status = "status", Rag = "rag", Outcome = "outcome", ClosingNote = "closing_note",
        DuplicateOf = "duplicate_of", ReportedAt = "reported_at", ReportedBy = "reported_by", UpdatedAt = "updated_at",
        Version = "version", NextReviewOn = "next_review_on", DecayReports = "decay_reports", DecaySince = "decay_since",
        DecayStart = "decay_start",
        OpenActions = "open_actions", EarliestOpenDueOn = "earliest_open_due_on", OpenActionTeams = "open_action_team_ids",
        OpenDueDates = "open_due_dates", NotesTotal = "notes_total", Pin = "place", Sensitive = "sensitive",
        SensitiveTeams = "sensitive_teams";

    /// <summary>
    /// The one SQL test of whether the reader may see the problem in a row (as <paramref name="row"/>): it is not
    /// sensitive (marked so itself, or in a sensitive category), or the reader is a coordinator or administrator, or the
    /// reader's team is named on the problem or on its category (<see cref="Sight.Sees(Reader, bool, IReadOnlyCollection{Guid}, bool, IReadOnlyCollection{Guid})"/>
    /// is the same rule for one problem). The categories are read once per statement, not once per row, and the team is
    /// written into the SQL as a literal, so the fragment takes no values and fits any statement.
    /// </summary>
    public static string VisibleTo(string row, Reader reader) =>
        reader.SeesAll ? "true" : reader.Team is { } team ? SeenByTeam(row, $"'{team}'::uuid") : Unmarked(row);

    /// <summary>
    /// <see cref="VisibleTo"/> for a member of the team in an expression of the statement, such as a task's own team
    /// (<paramref name="team"/>, a uuid); its categories are then read once per row.
    /// </summary>
    public static string SeenByTeam(string row, string team) =>
        $"({Unmarked(row)} or {row}.{SensitiveTeams} @> array[{team}] or " +
        $"{row}.{Category} = any({SensitiveCategories($" and c.{C.CategoryTeams} @> array[{team}]")}))";

    /// <summary>
    /// The ids of the problems hidden from the reader, as an SQL array read once per statement, for rows keyed by their
    /// problem (tasks, agenda items): few problems are sensitive, found by the index of marked ones and that of categories.
    /// </summary>
    public static string HiddenFrom(Reader reader) =>
        reader.SeesAll
            ? "array[]::uuid[]"
            : $"array(select h.{Id} from {Table} as h where (h.{Sensitive} or h.{Category} = any({SensitiveCategories("")})) and not {VisibleTo("h", reader)})";

    private static string Unmarked(string row) => $"(not {row}.{Sensitive} and {row}.{Category} <> all({SensitiveCategories("")}))";

    /// <summary>Whether the problem in a row is sensitive: hidden from those who see nothing sensitive, such as the public.</summary>
    public static string IsSensitive(string row) => $"not {VisibleTo(row, Reader.Public)}";

    private static string SensitiveCategories(string and) =>
        $"array(select c.{C.CategoryId} from {C.Categories} as c where c.{C.CategorySensitive}{and})";

    /// <summary>The pin as PostGIS geography from a longitude and a latitude, in that order (x then y), null when either is.</summary>
    public const string PinFrom = "st_setsrid(st_makepoint(?::double precision, ?::double precision), 4326)::geography";

    public static void Declare(StoreOptions options) => options.Declare(Name, table =>
    {
        table.AddColumn(Id, "uuid").AsPrimaryKey();
        foreach (var text in new[] { Reference, Title, Statement, Category, Area, Risk, Place, Phase, Status, ReportedBy })
            table.AddColumn(text, "text").NotNull();
        foreach (var text in new[] { Uprn, Usrn, Ward, Rag, Outcome, ClosingNote })
            table.AddColumn(text, "text");
        table.AddColumn(Latitude, "double precision");
        table.AddColumn(Longitude, "double precision");
        table.AddColumn(DuplicateOf, "uuid");
        table.AddColumn(ReportedAt, "timestamp with time zone").NotNull();
        table.AddColumn(UpdatedAt, "timestamp with time zone").NotNull();
        table.AddColumn(Version, "integer").NotNull();
        table.AddColumn(NextReviewOn, "date");
        table.AddColumn(DecayReports, "integer").NotNull();
        table.AddColumn(DecaySince, "date");
        table.AddColumn(DecayStart, "text");
        table.AddColumn(OpenActions, "integer").NotNull();
        table.AddColumn(EarliestOpenDueOn, "date");
        table.AddColumn(OpenActionTeams, "uuid[]").NotNull();
        table.AddColumn(OpenDueDates, "date[]").NotNull();
        table.AddColumn(NotesTotal, "integer").NotNull();
        // The latitude and longitude as one point on the earth, in metres apart, for the radius search and the map.
        table.AddColumn(Pin, "geography(Point,4326)");
        table.AddColumn(Sensitive, "boolean").NotNull().DefaultValueByExpression("false");
        // The teams named on a sensitive problem, who may see it besides coordinators and administrators.
        table.AddColumn(SensitiveTeams, "uuid[]").NotNull().DefaultValueByExpression("'{}'");

        table.Index([Reference], unique: true);
        table.Index([Area, UpdatedAt]);
        table.Index([UpdatedAt]);
        table.Index([Category]);
        table.Index([EarliestOpenDueOn], where: $"{Status} = 'Open'");
        // Containment (@>) of a team in the open actions' teams is answered by a GIN index.
        table.Index([OpenActionTeams]).Method = IndexMethod.gin;
        // Open problems of a phase for the list, and every problem counted by status and phase (or by confidence) for the
        // dashboard and the board, which PostgreSQL then answers from this index alone, whoever reads (VisibleTo).
        table.Index([Status, Phase]).IncludeColumns = [Sensitive, SensitiveTeams, Category, Rag];
        // The dashboard's breakdown by category, ward and month from this index alone, not the rows, which every event rewrites.
        table.Index([Area]).IncludeColumns = [Category, Ward, Status, Phase, ReportedAt, Sensitive, SensitiveTeams, Rag];
        // The open problems whose next review date has passed, earliest first, for the dashboard.
        table.Index([NextReviewOn], where: $"{Status} = 'Open'");
        // The few problems slipping back, for the dashboard.
        table.Index([DecayReports], where: $"{DecayReports} > 0");
        table.Index([Pin]).Method = IndexMethod.gist;
        // The few problems marked sensitive, for what is hidden from a reader (HiddenFrom).
        table.Index([Id], where: Sensitive);
    });

    /// <summary>
    /// Keeps the problem's row up to date with one statement per event. Its open actions (how many, their teams and due
    /// dates) are set by the team tasks, which know them.
    /// </summary>
    public static void Project(IDocumentOperations operations, IProblemEvent change, int version)
    {
        if (change is ProblemReported r)
        {
            operations.Queue(
                $"""
                 insert into {Table} ({Id}, {Reference}, {Title}, {Statement}, {Category}, {Area}, {Risk}, {Place}, {Latitude}, {Longitude},
                     {Uprn}, {Usrn}, {Ward}, {Phase}, {Status}, {ReportedAt}, {ReportedBy}, {UpdatedAt}, {Version}, {DecayReports},
                     {OpenActions}, {OpenActionTeams}, {OpenDueDates}, {NotesTotal}, {Pin})
                 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, '{"{}"}', '{"{}"}', 0, {PinFrom})
                 """,
                r.ProblemId, r.Reference, r.Title, r.Statement, r.Category, r.Area, r.Risk, r.Location.Description, r.Location.Latitude,
                r.Location.Longitude, r.Location.Uprn, r.Location.Usrn, r.Location.Ward, Domain.Phase.Clear, ProblemStatus.Open,
                r.ReportedAt, r.By.Name, r.ReportedAt, version, r.Location.Longitude, r.Location.Latitude);
            InboxReports.PinMoved(operations, r.ProblemId);
            return;
        }

        // Where an open problem's pin was and is, noted for the inbox's kept nearby problems, when it moves, opens or closes.
        var moved = change is ProblemDetailsRevised { Location: not null };
        if (moved) InboxReports.PinMoved(operations, change.ProblemId);
        var (set, values) = Changes(change);
        operations.Queue($"update {Table} set {set}{UpdatedAt} = ?, {Version} = ? where {Id} = ?", [.. values, change.At, version, change.ProblemId]);
        if (moved || change is ProblemClosed or ProblemReopened) InboxReports.PinMoved(operations, change.ProblemId);
    }

    private static readonly string Restart = $"{DecayReports} = 0, {DecaySince} = ?, {DecayStart} = ?, ";

    /// <summary>What an event changes besides the time and version, as "column = value, " assignments and their values.</summary>
    private static (string Set, object?[] Values) Changes(IProblemEvent change) => change switch
    {
        ProblemDetailsRevised e => (
            $"{Title} = coalesce(?, {Title}), {Statement} = coalesce(?, {Statement}), {Category} = coalesce(?, {Category}), " +
            $"{Risk} = coalesce(?, {Risk}), " + (e.Location is null ? "" :
                $"{Place} = ?, {Latitude} = ?, {Longitude} = ?, {Uprn} = ?, {Usrn} = ?, {Ward} = ?, {Pin} = {PinFrom}, "),
            [e.Title, e.Statement, e.Category, e.Risk?.ToString(),
                .. e.Location is { } l ? new object?[] { l.Description, l.Latitude, l.Longitude, l.Uprn, l.Usrn, l.Ward, l.Longitude, l.Latitude } : []]),
        NoteAdded => ($"{NotesTotal} = {NotesTotal} + 1, ", []),
        SensitivityChanged e => ($"{Sensitive} = ?, {SensitiveTeams} = ?, ", [e.Sensitive, e.Teams.ToArray()]),
        // Hold decay, kept as HoldDecay.Tally keeps it: a review, a move to Hold, a move back or reopening starts the count again.
        ReviewRecorded e => ($"{Rag} = ?, {NextReviewOn} = ?, " + Restart, [e.Rag, e.NextReviewOn, e.MeetingOn, HoldDecay.Start.Review]),
        RecurrenceLogged => ($"{DecayReports} = {DecayReports} + (case when {Phase} in ('Hold', 'Build') then 1 else 0 end), ", []),
        PhaseAdvanced { To: Domain.Phase.Hold } e => ($"{Phase} = ?, " + Restart, [e.To, London.Today(e.AdvancedAt), HoldDecay.Start.MovedToHold]),
        PhaseAdvanced e => ($"{Phase} = ?, ", [e.To]),
        PhaseReverted e => ($"{Phase} = ?, " + Restart, [e.To, London.Today(e.RevertedAt), HoldDecay.Start.MovedToHold]),
        ProblemClosed e => ($"{Status} = 'Closed', {Outcome} = ?, {ClosingNote} = ?, {DuplicateOf} = ?, {DecayReports} = 0, ",
            [e.Outcome, e.Note, e.DuplicateOf]),
        ProblemReopened e => ($"{Status} = 'Open', {Outcome} = null, {ClosingNote} = null, {DuplicateOf} = null, " + Restart,
            [London.Today(e.ReopenedAt), HoldDecay.Start.Reopened]),
        _ => ("", []),
    };
}
