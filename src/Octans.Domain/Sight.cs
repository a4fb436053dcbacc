namespace Octans.Domain;

/// <summary>
/// Who is reading, as far as sensitive problems go: coordinators and administrators see everything; a partner team's
/// member sees what names their team; councillors and the public see nothing sensitive.
/// </summary>
public sealed record Reader(bool SeesAll, Guid? Team)
{
    public static readonly Reader Everything = new(true, null);
    public static readonly Reader Public = new(false, null);

    public static Reader OfTeam(Guid team) => new(false, team);
}

/// <summary>
/// The one rule of who sees a sensitive problem. A problem is sensitive when it is marked so or its category is; it is
/// seen by coordinators and administrators, and by the teams named on the problem or on its category. The SQL of the
/// same rule, for lists and counts, is <c>ProblemRows.VisibleTo</c>; a test holds the two to the same answers.
/// </summary>
public static class Sight
{
    public static bool Sees(Reader reader, bool problemSensitive, IReadOnlyCollection<Guid> problemTeams, bool categorySensitive,
        IReadOnlyCollection<Guid> categoryTeams) =>
        reader.SeesAll
        || (!problemSensitive && !categorySensitive)
        || (reader.Team is { } team && ((problemSensitive && problemTeams.Contains(team)) || (categorySensitive && categoryTeams.Contains(team))));

    /// <summary>The rule for a problem as its decisions see it, with its category's mark and teams.</summary>
    public static bool Sees(Reader reader, Problem problem, bool categorySensitive, IReadOnlyCollection<Guid> categoryTeams) =>
        Sees(reader, problem.Sensitive, problem.SensitiveTo, categorySensitive, categoryTeams);
}
