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
            // Production runs the code written by `codegen write`; elsewhere it is generated at start.
            options.CodeGeneration.TypeLoadMode = environment.IsProduction() ? TypeLoadMode.Auto : TypeLoadMode.Dynamic;
        });
        builder.Services.DeferHostedServicesFrom(typeof(WolverineOptions).Assembly);
        builder.Services.AddWolverineHttp();
    }

    public static void MapOctansEndpoints(this WebApplication app) =>
        app.MapWolverineEndpoints(options => options.RequireAuthorizeOnAll());
}
