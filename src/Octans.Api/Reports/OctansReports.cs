using Octans.Api.Reports.Archive;
using Octans.Api.Reports.Producing;

namespace Octans.Api.Reports;

public static class OctansReports
{
    public static IServiceCollection AddOctansReports(this IServiceCollection services)
    {
        services.AddSingleton<PackArchive>();
        services.AddTransient<MonthlyPackJob>();
        services.AddTransient<PathwaysPackJob>();
        services.AddTransient<Scheduling.PathwaysPackSchedule>();
        return services;
    }
}
