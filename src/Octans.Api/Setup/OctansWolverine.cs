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
            // Production runs the handlers ops/codegen wrote into Internal/Generated and compiled in, and never compiles:
            // Static fails at start if one is missing, where Auto would quietly compile it (seconds of Roslyn and
            // ~100 MB) and try to write source into the deployment. Elsewhere they are generated at start, so an
            // endpoint can change without regenerating; GeneratedCodeTests fails until the written code matches.
            options.CodeGeneration.TypeLoadMode = environment.IsProduction() ? TypeLoadMode.Static : TypeLoadMode.Dynamic;
        });
        builder.Services.DeferHostedServicesFrom(typeof(WolverineOptions).Assembly);
        builder.Services.AddWolverineHttp();
    }

    public static void MapOctansEndpoints(this WebApplication app) =>
        app.MapWolverineEndpoints(options => options.RequireAuthorizeOnAll());
}
