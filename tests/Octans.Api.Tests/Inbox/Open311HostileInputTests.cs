using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Alba;
using CsCheck;
using Octans.Api.Intake.Keys;
using Octans.Api.Tests.Problems;

namespace Octans.Api.Tests.Inbox;

/// <summary>
/// Open311's routes sent forms, paths and query strings that no sender should send, with a good key half the time so
/// the input reaches the rules. Nothing may answer 5xx, and every refusal is GeoReport's own list of errors.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class Open311HostileInputTests(AppFixture app)
{
    private static readonly string[] Texts =
    [
        "", " ", "Lamp\u0001out", "\u007f", "\u0085", "\ud800", "😀 lamp", "\t\r\n", "\ufffe", "-1", "0", "1e400", "NaN", "-Infinity", "91", "51.8843",
        "-0.4142", "street-lighting", "not-a-code", "2026-13-01", "2026-12-01T00:00:00Z", "yesterday", "00000000-0000-0000-0000-000000000000",
        "<script>alert(1)</script>", "' OR 1=1 --", "]]>", "&amp;", "javascript:alert(1)", "https://example.com/a.jpeg", new string('x', 5_000),
        "jo@example.com", "07700 900123",
    ];

    private static readonly Gen<string> Text = Gen.Frequency((4, Gen.OneOf(Texts)), (1, Gen.Char.Array[0, 30].Select(chars => new string(chars))));

    private static readonly string[] Fields =
        ["service_code", "lat", "long", "address_string", "description", "media_url", "email", "first_name", "last_name", "phone",
         "attribute[fixmystreet_id]", "attribute[closest_address]", "attribute[", "jurisdiction_id", "unknown"];

    private static readonly Gen<Dictionary<string, string>> Form =
        Gen.Select(Fields.Select(field => Gen.Frequency((2, Gen.Const((string?)null)), (3, Text.Select(t => (string?)t)))).ToArray()
            .Aggregate(Gen.Const<List<string?>>(new List<string?>()), (all, next) => Gen.Select(all, next, (list, value) => new List<string?>(list) { value })),
            values => Fields.Zip(values).Where(p => p.Second is not null).ToDictionary(p => p.First, p => p.Second!));

    private static readonly Gen<string> Format = Gen.Frequency((6, Gen.OneOf("xml", "json")), (1, Gen.OneOf("html", "XML", "", "xml.json", "%01")));

    private static string Escape(string text) => string.Concat(Encoding.UTF8.GetBytes(text).Select(b => $"%{b:X2}"));

    [Fact]
    public async Task No_input_to_Open311_gets_a_5xx_and_every_refusal_is_a_GeoReport_error()
    {
        var created = await app.Post(ProblemsApi.Admin, "/api/intake/keys", new { sender = "Hostile sender", area = "HT" }, 201);
        var key = (await created.ReadAsJsonAsync<KeyCreated>())!.ApiKey;
        using var client = app.Host.Server.CreateClient();

        var requests = Gen.Select(Gen.Int[0, 4], Format, Form, Text, Gen.Bool, (route, format, form, text, keyed) =>
        {
            if (keyed) form["api_key"] = key;
            return route switch
            {
                0 => new Probe("POST", $"/open311/v2/requests.{format}", form),
                1 => new Probe("GET", $"/open311/v2/requests.{format}?service_request_id={Escape(text)}", null),
                2 => new Probe("GET", $"/open311/v2/requests/{Escape(text.Replace("\0", "")).Replace("%2F", "x")}.{format}", null),
                3 => new Probe("GET", $"/open311/v2/servicerequestupdates.{format}?api_key={(keyed ? key : Escape(text))}&start_date={Escape(text)}&end_date={Escape(form.GetValueOrDefault("lat", ""))}", null),
                _ => new Probe("GET", $"/open311/v2/services.{format}?jurisdiction_id={Escape(text)}", null),
            };
        });

        await requests.SampleAsync(async probe =>
        {
            using var message = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url);
            if (probe.Form is not null) message.Content = new FormUrlEncodedContent(probe.Form);
            using var answer = await client.SendAsync(message);
            var status = (int)answer.StatusCode;
            var text = await answer.Content.ReadAsStringAsync();
            var said = $"{probe} answered {status} {(text.Length > 300 ? text[..300] : text)}";

            status.ShouldBeLessThan(500, said);
            // A route Octans does not serve (an unknown format in the path) is the framework's own 404 page.
            if (status < 400 || answer.Content.Headers.ContentType?.MediaType is not ("text/xml" or "application/json")) return;
            if (answer.Content.Headers.ContentType.MediaType == "text/xml")
                XDocument.Parse(text).Root!.Elements("error").Single().Element("description")!.Value.ShouldNotBeNullOrWhiteSpace(said);
            else
                JsonDocument.Parse(text).RootElement[0].GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace(said);
        }, iter: 150, threads: 1, print: probe => probe.ToString());
    }

    private sealed record Probe(string Method, string Url, Dictionary<string, string>? Form)
    {
        public override string ToString() => $"{Method} {Url} {(Form is null ? "" : string.Join("&", Form.Select(f => $"{f.Key}={(f.Value.Length > 40 ? f.Value[..40] : f.Value)}")))}";
    }
}
