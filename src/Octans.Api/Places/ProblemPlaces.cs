using Marten;
using Octans.Api.Problems.Listing;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Places;

public sealed record NearbyProblem(Guid ProblemId, string Reference, string Title, Phase Phase, int DistanceMetres);

/// <summary>Open problems near a point, nearest first, by the great-circle distance between pins.</summary>
public static class ProblemPlaces
{
    public const int DefaultMetres = 150;
    public const int MaxMetres = 5000;

    public static async Task<IReadOnlyList<NearbyProblem>> NearbyAsync(IQuerySession session, double latitude, double longitude, int metres, int limit,
        CancellationToken cancellation)
    {
        const string distance =
            $"6371000 * 2 * asin(sqrt(power(sin(radians({ProblemRows.Latitude} - ?) / 2), 2) + cos(radians(?)) * cos(radians({ProblemRows.Latitude})) * power(sin(radians({ProblemRows.Longitude} - ?) / 2), 2)))";
        return await session.ReadAsync(
            $"""
             select * from (
                 select {ProblemRows.Id}, {ProblemRows.Reference}, {ProblemRows.Title}, {ProblemRows.Phase}, {distance} as metres
                 from {ProblemRows.Table}
                 where {ProblemRows.Status} = 'Open' and {ProblemRows.Latitude} is not null
             ) near where metres <= ? order by metres, {ProblemRows.Reference} limit ?
             """,
            r => new NearbyProblem(r.GetGuid(0), r.GetString(1), r.GetString(2), Enum.Parse<Phase>(r.GetString(3)), (int)Math.Round(r.GetDouble(4))),
            cancellation, latitude, latitude, longitude, (double)metres, limit);
    }
}
