using Marten;
using Octans.Api.Problems.Listing;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Places;

/// <summary>An open problem near a point, and how far its pin is from it.</summary>
public sealed record NearbyProblem(Guid ProblemId, string Reference, string Title, Phase Phase, int DistanceMetres);

/// <summary>Where problems are: the open problems near a point, found through the spatial index of their pins.</summary>
public static class ProblemPlaces
{
    public const int DefaultMetres = 150, MaxMetres = 5000;

    /// <summary>The open problems whose pin is within <paramref name="metres"/> (at most <see cref="MaxMetres"/>) of the point, nearest first.</summary>
    public static async Task<IReadOnlyList<NearbyProblem>> NearbyAsync(IQuerySession session, double latitude, double longitude, int metres,
        int limit, CancellationToken cancellation) =>
        await session.ReadAsync($"select d.* from {NearestTo("?::double precision", "?::double precision")} as d order by d.distance, d.id",
            r => ReadNearby(r, 0), cancellation, [longitude, latitude, .. Within(metres, limit)]);

    /// <summary>
    /// A subquery for a lateral join: the open problems within ? metres of the point at <paramref name="longitude"/>,
    /// <paramref name="latitude"/> (SQL expressions of the outer row), nearest first, at most ? of them, as the columns
    /// id, reference, title, phase and distance (<see cref="ReadNearby"/>); its two values are <see cref="Within"/>. The index
    /// gives the problems nearest first (<c>&lt;-&gt;</c>), so each point stops at its limit however many problems stand
    /// around it. The nearest-first order has no second key: with one (even the id) PostgreSQL reads every pin within the
    /// radius and sorts them instead, 50 times the work among a few hundred pins; order ties by id outside.
    /// </summary>
    public static string NearestTo(string longitude, string latitude) =>
        $"""
         (select p.{ProblemRows.Id} as id, p.{ProblemRows.Reference} as reference, p.{ProblemRows.Title} as title, p.{ProblemRows.Phase} as phase,
             round(st_distance(p.{ProblemRows.Pin}, point))::int as distance
          from {ProblemRows.Table} as p,
              lateral (select st_setsrid(st_makepoint({longitude}, {latitude}), 4326)::geography as point) as at
          where p.{ProblemRows.Status} = 'Open' and st_dwithin(p.{ProblemRows.Pin}, point, ?)
          order by p.{ProblemRows.Pin} <-> point
          limit ?)
         """;

    /// <summary>The values of <see cref="NearestTo"/>: the radius, at most <see cref="MaxMetres"/>, and how many problems at most.</summary>
    public static object[] Within(int metres, int limit) => [(double)Math.Clamp(metres, 0, MaxMetres), Math.Max(limit, 0)];

    /// <summary>A problem of <see cref="NearestTo"/>, read from its five columns starting at <paramref name="first"/>.</summary>
    public static NearbyProblem ReadNearby(Npgsql.NpgsqlDataReader r, int first) => new(r.GetGuid(first), r.GetString(first + 1),
        r.GetString(first + 2), Enum.Parse<Phase>(r.GetString(first + 3)), r.GetInt32(first + 4));

    /// <summary>Where a map opens before it has a pin: the middle of the area's pins (every area's when null), else Great Britain's.</summary>
    public static async Task<(double Latitude, double Longitude)> CentreAsync(IQuerySession session, string? area, CancellationToken cancellation) =>
        await session.ReadFirstAsync(
            $"""
             select avg(d.{ProblemRows.Latitude}), avg(d.{ProblemRows.Longitude}) from {ProblemRows.Table} as d
             where d.{ProblemRows.Pin} is not null and (?::text is null or d.{ProblemRows.Area} = ?)
             """,
            r => r.IsDBNull(0) ? GreatBritain : (r.GetDouble(0), r.GetDouble(1)), cancellation, area, area);

    private static readonly (double, double) GreatBritain = (54.0, -2.5);

    /// <summary>The problems the filters keep that have a pin, for the overview map.</summary>
    public static async Task<IReadOnlyList<ProblemPin>> PinsAsync(IQuerySession session, ProblemFilter filter, CancellationToken cancellation)
    {
        var (condition, values) = filter.Condition();
        return await session.ReadAsync(
            $"""
             select d.{ProblemRows.Id}, d.{ProblemRows.Reference}, d.{ProblemRows.Title}, d.{ProblemRows.Phase}, d.{ProblemRows.Status},
                 d.{ProblemRows.Rag}, d.{ProblemRows.Latitude}, d.{ProblemRows.Longitude}
             from {ProblemRows.Table} as d
             where d.{ProblemRows.Pin} is not null and {condition}
             order by d.{ProblemRows.Reference}
             """,
            r => new ProblemPin(r.GetGuid(0), r.GetString(1), r.GetString(2), Enum.Parse<Phase>(r.GetString(3)),
                Enum.Parse<ProblemStatus>(r.GetString(4)), r.IsDBNull(5) ? null : Enum.Parse<Rag>(r.GetString(5)), r.GetDouble(6), r.GetDouble(7)),
            cancellation, [.. values]);
    }
}

/// <summary>A problem's pin on the overview map.</summary>
public sealed record ProblemPin(Guid Id, string Reference, string Title, Phase Phase, ProblemStatus Status, Rag? Rag, double Latitude, double Longitude);
