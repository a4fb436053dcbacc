namespace Octans.Api.Setup;

public static class OctansLogging
{
    /// <summary>
    /// Outside Development, ASP.NET Core's four Information lines for every request (starting, executing, executed,
    /// finished) cost the console more than the request's own work on a small server, so they are kept to warnings
    /// and errors. A Logging:LogLevel setting for the category still wins.
    /// </summary>
    public static void AddOctansLogging(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment()) return;
        foreach (var category in new[] { "Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Routing.EndpointMiddleware" })
            if (builder.Configuration[$"Logging:LogLevel:{category}"] is null)
                builder.Logging.AddFilter(category, LogLevel.Warning);
    }
}
