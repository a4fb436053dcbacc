using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Octans.Api.SigningIn;

namespace Octans.Api.Tests.Operations;

/// <summary>
/// An API route as the app's own endpoint data gives it: its method and pattern, the record its JSON body reads, the
/// names its query string takes (from the API description) and whether only an administrator may call it. A new route is
/// in <see cref="All"/> without anyone adding it.
/// </summary>
public sealed record ApiRoute(string Method, string Pattern, Type? Body, IReadOnlyList<string> Query, bool AdminOnly)
{
    public IReadOnlyList<string> RouteValues => [.. Pattern.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}'))];

    public override string ToString() => $"{Method} {Pattern}";

    public static IReadOnlyList<ApiRoute> All(IServiceProvider services)
    {
        var described = services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(group => group.Items).ToList();
        return services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.TrimStart('/').StartsWith("api/") == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
            {
                var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
                var query = described
                    .Where(d => d.HttpMethod == method && "/" + d.RelativePath?.TrimStart('/') == pattern)
                    .SelectMany(d => d.ParameterDescriptions)
                    .Where(p => p.Source == BindingSource.Query)
                    .Select(p => p.Name).Distinct().ToList();
                var adminOnly = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.Admin);
                return new ApiRoute(method, pattern, endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType, query, adminOnly);
            }))
            .Where(route => route.Method != "HEAD")
            .OrderBy(route => route.Pattern).ThenBy(route => route.Method)
            .ToList();
    }

    /// <summary>The body's fields as JSON names them, with their types, for building bodies of the right shape.</summary>
    public static IReadOnlyList<(string Name, Type Type)> FieldsOf(Type record) =>
        [.. record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => (char.ToLowerInvariant(p.Name[0]) + p.Name[1..], p.PropertyType))];
}
