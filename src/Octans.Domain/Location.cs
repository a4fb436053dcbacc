namespace Octans.Domain;

/// <summary>Where a problem is. Latitude and longitude are WGS84; UPRN and USRN are the national address and street ids.</summary>
public sealed record Location(
    string Description,
    double? Latitude,
    double? Longitude,
    string? Uprn,
    string? Usrn,
    string? Ward);
