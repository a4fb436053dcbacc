using Marten;

namespace Octans.Reports.MonthlyPacks;

public static class MonthlyPackStorage
{
    public static void ConfigureMonthlyPacks(this StoreOptions options) => PackArchive.Configure(options);
}
