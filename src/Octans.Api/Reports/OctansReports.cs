using Octans.Api.ReferenceData;
using Octans.Reports.MonthlyPacks;

namespace Octans.Api.Reports;

public static class OctansReports
{
    public static IServiceCollection AddOctansReports(this IServiceCollection services)
    {
        services.AddSingleton<IPartnerTeams, PartnerTeams>();
        services.AddSingleton<PackArchive>();
        services.AddTransient<MonthlyPackJob>();
        return services;
    }
}
