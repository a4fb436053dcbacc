using System.Globalization;
using Alba;

namespace Octans.Api.Tests.Operations;

[Collection(ApiCollection.Name)]
public sealed class LocalizationTests(AppFixture app)
{
    [Theory]
    [InlineData("*")]
    [InlineData("fr-FR")]
    [InlineData("not a language")]
    public async Task Every_request_is_answered_in_British_English_whatever_language_it_asks_for(string language)
    {
        var thrown = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is CultureNotFoundException) Interlocked.Increment(ref thrown);
        }
        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            var result = await app.Host.Scenario(s =>
            {
                s.Get.Url("/sign-in");
                s.WithRequestHeader("Accept-Language", language);
                s.StatusCodeShouldBeOk();
            });
            result.ReadAsText().ShouldContain("lang=\"en-GB\"");
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }
        thrown.ShouldBe(0);
    }
}
