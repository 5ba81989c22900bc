using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;

namespace Rathausplatz.Features.Reports.Open311;

/// <summary>
/// One answer, written as the specification's XML or as its JSON (the "Spark convention": an element with
/// children is an object, a wrapper of repeated elements an array — an array even for one item, so
/// clients need no special case). Built once per answer, so both formats always carry the same fields in
/// the same order. XML has no null: a missing value is an empty element, as in the specification's examples.
/// </summary>
public abstract record Open311Node
{
    public static Open311Object Object(string name, params Open311Field[] fields) => new(name, fields);

    public static Open311List List(string name, string itemName, IEnumerable<Open311Node> items) => new(name, itemName, items.ToList());
}

/// <summary>A named value: text, number, true/false, time, null, an object or a list.</summary>
public sealed record Open311Field(string Name, object? Value);

public sealed record Open311Object(string Name, IReadOnlyList<Open311Field> Fields) : Open311Node;

/// <summary>A wrapper of repeated elements: <c>&lt;services&gt;&lt;service&gt;…</c> in XML, an array in JSON.</summary>
public sealed record Open311List(string Name, string ItemName, IReadOnlyList<Open311Node> Items) : Open311Node;

/// <summary>A bare value inside a list (<c>&lt;format&gt;text/xml&lt;/format&gt;</c>).</summary>
public sealed record Open311Value(object? Value) : Open311Node;

public enum Open311Format { Xml, Json }

public static class Open311Writer
{
    public const string XmlContentType = "text/xml; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    // Umlauts stay readable; markup characters are still escaped.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static string ContentType(Open311Format format) => format == Open311Format.Xml ? XmlContentType : JsonContentType;

    public static byte[] Write(Open311Node root, Open311Format format) => format == Open311Format.Xml ? Xml(root) : Json(root);

    private static byte[] Json(Open311Node root)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder }))
            WriteJson(json, root);
        return buffer.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter json, Open311Node node)
    {
        switch (node)
        {
            case Open311Object o:
                json.WriteStartObject();
                foreach (var field in o.Fields)
                {
                    json.WritePropertyName(field.Name);
                    WriteJsonValue(json, field.Value);
                }
                json.WriteEndObject();
                break;
            case Open311List list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                    WriteJson(json, item);
                json.WriteEndArray();
                break;
            case Open311Value v:
                WriteJsonValue(json, v.Value);
                break;
        }
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case Open311Node node: WriteJson(json, node); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case double d: json.WriteNumberValue(d); break;
            case DateTime t: json.WriteStringValue(W3(t)); break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    private static byte[] Xml(Open311Node root)
    {
        using var buffer = new MemoryStream();
        // UTF-8 without a byte order mark; the declaration names the encoding, as the specification asks.
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            xml.WriteStartDocument();
            WriteXml(xml, root switch { Open311Object o => o.Name, Open311List l => l.Name, _ => "value" }, root);
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void WriteXml(XmlWriter xml, string name, Open311Node node)
    {
        xml.WriteStartElement(name);
        switch (node)
        {
            case Open311Object o:
                foreach (var field in o.Fields)
                {
                    if (field.Value is Open311Node child)
                        WriteXml(xml, field.Name, child);
                    else
                        WriteXmlValue(xml, field.Name, field.Value);
                }
                break;
            case Open311List list:
                foreach (var item in list.Items)
                {
                    if (item is Open311Value v)
                        WriteXmlValue(xml, list.ItemName, v.Value);
                    else
                        WriteXml(xml, list.ItemName, item);
                }
                break;
        }
        xml.WriteEndElement();
    }

    private static void WriteXmlValue(XmlWriter xml, string name, object? value)
    {
        xml.WriteStartElement(name);
        var text = value switch
        {
            null => null,
            bool b => b ? "true" : "false",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            DateTime t => W3(t),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrEmpty(text))
            xml.WriteString(XmlSafe(text));
        xml.WriteEndElement();
    }

    /// <summary>The W3C profile of ISO 8601 the specification requires, in UTC.</summary>
    public static string W3(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // A report's text may hold control characters XML 1.0 cannot carry; they are dropped rather than failing the answer.
    private static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
        }
        return safe.ToString();
    }
}
