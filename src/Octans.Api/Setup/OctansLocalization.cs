using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Octans.Api.Setup;

public static class OctansLocalization
{
    /// <summary>
    /// Octans speaks British English to everyone, so no request chooses its culture. Asking the browser's
    /// Accept-Language would only cost time: a header of "*", which many HTTP clients send, threw and caught two
    /// exceptions per request while the framework tried to make a culture of it.
    /// </summary>
    public static IApplicationBuilder UseOctansLocalization(this IApplicationBuilder app)
    {
        var britishEnglish = CultureInfo.GetCultureInfo("en-GB");
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(britishEnglish),
            SupportedCultures = [britishEnglish],
            SupportedUICultures = [britishEnglish],
        };
        options.RequestCultureProviders.Clear();
        return app.UseRequestLocalization(options);
    }
}
