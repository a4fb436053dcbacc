using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Octans.Api.Open311;

/// <summary>One field of an Open311 answer: text, a number, true or false, an instant, a list of words, or nothing.</summary>
public sealed record Field(string Name, object? Value);

/// <summary>
/// Writes answers as GeoReport v2 specifies them: in XML a root element holding one element per item, in JSON an array
/// of objects (or one object, for discovery). Errors are GeoReport's own list of code and description.
/// </summary>
public static class GeoReport
{
    public static bool IsFormat(string? format) => format is "xml" or "json";

    public static IResult List(string format, string root, string item, IEnumerable<IReadOnlyList<Field>> items, int status = 200) =>
        format == "json" ? Json(w => WriteArray(w, items), status) : Xml(w => WriteList(w, root, item, items), status);

    public static IResult Object(string format, string root, IReadOnlyList<Field> fields) =>
        format == "json" ? Json(w => WriteObject(w, fields), 200) : Xml(w => WriteElement(w, root, fields), 200);

    public static IResult Error(string format, int status, string description) =>
        List(IsFormat(format) ? format : "xml", "errors", "error", [[new("code", status), new("description", description)]], status);

    private static void WriteList(XmlWriter w, string root, string item, IEnumerable<IReadOnlyList<Field>> items)
    {
        w.WriteStartElement(root);
        foreach (var fields in items) WriteElement(w, item, fields);
        w.WriteEndElement();
    }

    private static void WriteElement(XmlWriter w, string name, IReadOnlyList<Field> fields)
    {
        w.WriteStartElement(name);
        foreach (var field in fields)
        {
            switch (field.Value)
            {
                case IReadOnlyList<IReadOnlyList<Field>> nested:
                    w.WriteStartElement(field.Name);
                    foreach (var child in nested) WriteElement(w, field.Name.TrimEnd('s'), child);
                    w.WriteEndElement();
                    break;
                case string[] words:
                    w.WriteStartElement(field.Name);
                    foreach (var word in words) w.WriteElementString(field.Name.TrimEnd('s'), XmlSafe(word));
                    w.WriteEndElement();
                    break;
                default:
                    w.WriteElementString(field.Name, XmlSafe(Text(field.Value)));
                    break;
            }
        }
        w.WriteEndElement();
    }

    private static void WriteArray(Utf8JsonWriter w, IEnumerable<IReadOnlyList<Field>> items)
    {
        w.WriteStartArray();
        foreach (var fields in items) WriteObject(w, fields);
        w.WriteEndArray();
    }

    private static void WriteObject(Utf8JsonWriter w, IReadOnlyList<Field> fields)
    {
        w.WriteStartObject();
        foreach (var field in fields)
        {
            w.WritePropertyName(field.Name);
            switch (field.Value)
            {
                case null: w.WriteNullValue(); break;
                case bool flag: w.WriteBooleanValue(flag); break;
                case int number: w.WriteNumberValue(number); break;
                case double number: w.WriteNumberValue(number); break;
                case IReadOnlyList<IReadOnlyList<Field>> nested: WriteArray(w, nested); break;
                case string[] words:
                    w.WriteStartArray();
                    foreach (var word in words) w.WriteStringValue(word);
                    w.WriteEndArray();
                    break;
                default: w.WriteStringValue(Text(field.Value)); break;
            }
        }
        w.WriteEndObject();
    }

    /// <summary>Instants in W3C form with their offset, as GeoReport and FixMyStreet read them.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "true" : "false",
        DateTimeOffset instant => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // Characters XML 1.0 cannot carry, such as U+FFFE, which PostgreSQL stores and JSON escapes. Text Octans keeps has no
    // half characters (PlainText), so a surrogate here is half of a pair.
    private static string XmlSafe(string text) =>
        text.All(c => char.IsSurrogate(c) || XmlConvert.IsXmlChar(c)) ? text
        : string.Concat(text.Select(c => char.IsSurrogate(c) || XmlConvert.IsXmlChar(c) ? c : '\uFFFD'));

    private static IResult Xml(Action<XmlWriter> write, int status)
    {
        var text = new StringBuilder();
        using (var w = XmlWriter.Create(new StringWriter(text), new XmlWriterSettings { Encoding = Encoding.UTF8, OmitXmlDeclaration = true }))
            write(w);
        return Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + text, "text/xml; charset=utf-8", Encoding.UTF8, status);
    }

    private static IResult Json(Action<Utf8JsonWriter> write, int status)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer)) write(w);
        return Results.Text(Encoding.UTF8.GetString(buffer.ToArray()), "application/json; charset=utf-8", Encoding.UTF8, status);
    }
}
