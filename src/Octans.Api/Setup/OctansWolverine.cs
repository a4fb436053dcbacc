using JasperFx.CodeGeneration;
using Wolverine;
using Wolverine.Http;

namespace Octans.Api.Setup;

public static class OctansWolverine
{
    public static void AddOctansWolverine(this WebApplicationBuilder builder)
    {
        var environment = builder.Environment;
        builder.Host.UseWolverine(options =>
        {
            options.Policies.AutoApplyTransactions();
            options.UseRuntimeCompilation();
            // Every environment runs the handlers ops/codegen wrote into Internal/Generated and compiled in, so what is
            // developed and tested is what ships, and Roslyn (seconds, and about 170 MB under load) stays unloaded.
            // Production never compiles: Static fails at start if one is missing. Elsewhere Auto compiles a new
            // endpoint's handler and writes it beside the others; GeneratedCodeTests fails until they match.
            options.CodeGeneration.TypeLoadMode = environment.IsProduction() ? TypeLoadMode.Static : TypeLoadMode.Auto;
            // Its tables are the owner's, made by db-apply; outside Development the app's role only checks they are there.
            if (!environment.IsDevelopment()) options.AutoBuildMessageStorageOnStartup = JasperFx.AutoCreate.None;
        });
        builder.Services.DeferHostedServicesFrom(typeof(WolverineOptions).Assembly);
        builder.Services.AddWolverineHttp();
    }

    public static void MapOctansEndpoints(this WebApplication app) =>
        app.MapWolverineEndpoints(options => options.RequireAuthorizeOnAll());
}
