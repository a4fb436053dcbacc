using Marten;

namespace Octans.Api.Reports.Archive;

public static class MonthlyPackStorage
{
    public static void ConfigureMonthlyPacks(this StoreOptions options) => PackArchive.Configure(options);
}
