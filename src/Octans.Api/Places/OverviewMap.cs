using System.Security.Claims;
using Marten;
using Octans.Api.Problems;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems.Listing;
using Octans.Api.Setup;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Places;

/// <summary>The overview map as GeoJSON (RFC 7946): a point per problem with a pin, longitude first.</summary>
public sealed record MapFeatureCollection(IReadOnlyList<MapFeature> Features)
{
    public string Type => "FeatureCollection";

    public static MapFeatureCollection Of(IEnumerable<ProblemPin> pins) =>
        new([.. pins.Select(p => new MapFeature(new MapPoint([p.Longitude, p.Latitude]), new MapPinProperties(p.Id, p.Reference, p.Title, p.Phase, p.Rag)))]);
}

public sealed record MapFeature(MapPoint Geometry, MapPinProperties Properties)
{
    public string Type => "Feature";
}

public sealed record MapPoint(double[] Coordinates)
{
    public string Type => "Point";
}

public sealed record MapPinProperties(Guid Id, string Reference, string Title, Phase Phase, Rag? Rag);

public static class OverviewMapEndpoint
{
    public const string ContentType = "application/geo+json";

    public static async Task<(ProblemFilter?, ProblemDetails)> ValidateAsync(string? area, string? phase, string? category, ClaimsPrincipal user, IQuerySession session,
        TimeProvider clock, CancellationToken cancellation)
    {
        var (filter, errors) = await ProblemFilter.CheckAsync(new(Phase: phase, Category: category, Area: area), WhoMay.ReaderOf(user), session,
            London.Today(clock.GetUtcNow()), cancellation);
        return (filter, filter is null ? Answers.Invalid(errors) : WolverineContinue.NoProblems);
    }

    /// <summary>
    /// The problems with a pin, in an area, a phase (or Closed) and a category when given, as a GeoJSON FeatureCollection;
    /// sensitive problems only for those who may see them.
    /// </summary>
    [WolverineGet("/api/map", Name = "OverviewMap")]
    [Tags("Places")]
    [ProducesResponseType<MapFeatureCollection>(200, ContentType)]
    public static async Task<IResult> Get(ProblemFilter filter, IQuerySession session, CancellationToken cancellation) =>
        Results.Json(MapFeatureCollection.Of(await ProblemPlaces.PinsAsync(session, filter, cancellation)),
            contentType: ContentType);
}
