namespace Octans.Api.Setup;

public static class OctansLogging
{
    /// <summary>
    /// Outside Development, ASP.NET Core writes half a dozen Information lines for every request (starting,
    /// executing, the status code, the value written, executed, finished): formatting and writing them took CPU a
    /// two-core server needs for the requests. ASP.NET Core's own categories are kept to warnings and errors, as
    /// its templates do; a Logging:LogLevel setting for "Microsoft.AspNetCore" still wins.
    /// In Production each line is one JSON object for the machines that gather logs, with the request's scope, which
    /// carries its trace and span ids; Development keeps the plain lines people read.
    /// </summary>
    public static void AddOctansLogging(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsProduction())
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        const string category = "Microsoft.AspNetCore";
        if (builder.Environment.IsDevelopment() || builder.Configuration[$"Logging:LogLevel:{category}"] is not null) return;
        builder.Logging.AddFilter(category, LogLevel.Warning);
    }
}
