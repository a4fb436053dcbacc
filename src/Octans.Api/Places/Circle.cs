using System.Globalization;
using Octans.Api.Problems;

namespace Octans.Api.Places;

/// <summary>A point on the map, as a latitude and a longitude in degrees (WGS 84), and a radius around it in metres.</summary>
public sealed record Circle(double Latitude, double Longitude, int Metres)
{
    /// <summary>
    /// The circle a query string asks for with near=latitude,longitude and within=metres (default
    /// <see cref="ProblemPlaces.DefaultMetres"/>, at most <see cref="ProblemPlaces.MaxMetres"/>); null when neither is
    /// given or either is wrong, each mistake named by its field.
    /// </summary>
    public static Circle? Check(string? near, string? within, IDictionary<string, string[]> errors)
    {
        var metres = Paging.Whole(within, ProblemPlaces.DefaultMetres, 1, ProblemPlaces.MaxMetres, "within",
            $"Give the radius in whole metres, from 1 to {ProblemPlaces.MaxMetres:N0}.", errors);
        if (string.IsNullOrWhiteSpace(near))
        {
            if (!string.IsNullOrWhiteSpace(within))
                errors["within"] = ["Give near=latitude,longitude as well, the point the radius is measured from."];
            return null;
        }
        if (Point(near) is not var (latitude, longitude))
        {
            errors["near"] = ["Give near as a latitude and a longitude in degrees, separated by a comma, such as near=51.8862,-0.4172."];
            return null;
        }
        return errors.ContainsKey("within") ? null : new Circle(latitude, longitude, metres);
    }

    /// <summary>A latitude from -90 to 90 and a longitude from -180 to 180, written "51.8862,-0.4172"; null otherwise.</summary>
    public static (double Latitude, double Longitude)? Point(string text) =>
        text.Split(',') is [var first, var second] && Degrees(first, 90) is { } latitude && Degrees(second, 180) is { } longitude
            ? (latitude, longitude)
            : null;

    private static double? Degrees(string text, double limit) =>
        double.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var degrees)
        && Math.Abs(degrees) <= limit
            ? degrees
            : null;
}
