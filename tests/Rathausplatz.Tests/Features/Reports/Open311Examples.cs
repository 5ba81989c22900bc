using System.Text.Json;
using System.Xml.Linq;

namespace Rathausplatz.Tests.Features.Reports;

/// <summary>
/// The example answers of the GeoReport v2 specification (wiki.open311.org/GeoReport_v2 and /Service_Discovery),
/// as published. Their JSON twins cannot be parsed (they write numbers as "001"), but by the specification's
/// own rule the JSON is the XML in the Spark convention, so one shape, taken from the XML with an XML parser,
/// is compared with both of our formats.
/// </summary>
public static class Open311Examples
{
    public const string Discovery = """
        <?xml version="1.0" encoding="UTF-8"?>
        <discovery>
            <changeset>2011-02-03 14:18</changeset>
            <contact>You can email or call for assistance api@mycity.org +1 (555) 555-5555</contact>
            <key_service>You can request a key here: http://api.mycity.gov/api_key/request</key_service>
            <endpoints>
                <endpoint>
                    <specification>http://wiki.open311.org/GeoReport_v2</specification>
                    <url>http://open311.mycity.gov/v2</url>
                    <changeset>2010-11-23 09:01</changeset>
                    <type>production</type>
                    <formats>
                        <format>text/xml</format>
                    </formats>
                </endpoint>
            </endpoints>
        </discovery>
        """;

    public const string Services = """
        <?xml version="1.0" encoding="utf-8"?>
        <services>
            <service>
                <service_code>001</service_code>
                <service_name>Cans left out 24x7</service_name>
                <description>Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.</description>
                <metadata>true</metadata>
                <type>realtime</type>
                <keywords>lorem, ipsum, dolor</keywords>
                <group>sanitation</group>
            </service>
        </services>
        """;

    public const string ServiceDefinition = """
        <?xml version="1.0" encoding="utf-8"?>
        <service_definition>
            <service_code>DMV66</service_code>
            <attributes>
                <attribute>
                    <variable>true</variable>
                    <code>WHISHETN</code>
                    <datatype>singlevaluelist</datatype>
                    <required>true</required>
                    <datatype_description></datatype_description>
                    <order>1</order>
                    <description>What is the ticket/tag/DL number?</description>
                    <values>
                        <value>
                            <key>123</key>
                            <name>Ford</name>
                        </value>
                        <value>
                            <key>124</key>
                            <name>Chrysler</name>
                        </value>
                    </values>
                </attribute>
            </attributes>
        </service_definition>
        """;

    /// <summary>The example POST (form fields as the specification sends them), adapted to a category here.</summary>
    public const string PostRequestBody = "jurisdiction_id={host}&service_code={code}&lat=37.76524078&long=-122.4212043&address_string=1234+5th+street"
        + "&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone=111111111"
        + "&description=A+large+sinkhole+is+destroying+the+street&media_url=http%3A%2F%2Ffarm3.static.flickr.com%2F2002%2F2212426634_5ed477a060.jpg"
        + "&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001";

    public const string PostResponse = """
        <?xml version="1.0" encoding="utf-8"?>
        <service_requests>
            <request>
                <service_request_id>293944</service_request_id>
                <service_notice>The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code</service_notice>
                <account_id/>
            </request>
        </service_requests>
        """;

    public const string Token = """
        <?xml version="1.0" encoding="utf-8"?>
        <service_requests>
            <request>
                <service_request_id>638344</service_request_id>
                <token>12345</token>
            </request>
        </service_requests>
        """;

    public const string Requests = """
        <?xml version="1.0" encoding="utf-8"?>
        <service_requests>
            <request>
                <service_request_id>638344</service_request_id>
                <status>closed</status>
                <status_notes>Duplicate request.</status_notes>
                <service_name>Sidewalk and Curb Issues</service_name>
                <service_code>006</service_code>
                <description></description>
                <agency_responsible></agency_responsible>
                <service_notice></service_notice>
                <requested_datetime>2010-04-14T06:37:38-08:00</requested_datetime>
                <updated_datetime>2010-04-14T06:37:38-08:00</updated_datetime>
                <expected_datetime>2010-04-15T06:37:38-08:00</expected_datetime>
                <address>8TH AVE and JUDAH ST</address>
                <address_id>545483</address_id>
                <zipcode>94122</zipcode>
                <lat>37.762221815</lat>
                <long>-122.4651145</long>
                <media_url>http://city.gov.s3.amazonaws.com/requests/media/638344.jpg </media_url>
            </request>
        </service_requests>
        """;

    public const string Errors = """
        <?xml version="1.0" encoding="utf-8"?>
        <errors>
            <error>
                <code>403</code>
                <description>Invalid api_key received -- can't proceed with create_request.</description>
            </error>
        </errors>
        """;

    // Elements whose children repeat one item element: arrays in JSON (the Spark convention).
    private static readonly HashSet<string> Wrappers = ["services", "service_requests", "errors", "attributes", "values", "endpoints", "formats"];

    /// <summary>Every path from the root to a leaf, in order of first appearance; a wrapper's items are "[]".</summary>
    public static List<string> Shape(XDocument xml)
    {
        var paths = new List<string>();
        var root = xml.Root!;
        if (Wrappers.Contains(root.Name.LocalName))
            Items(root, "[]", paths);
        else
            foreach (var child in root.Elements())
                Walk(child, "", paths);
        return paths.Distinct().ToList();
    }

    public static List<string> Shape(string xml) => Shape(XDocument.Parse(xml.Trim()));

    public static List<string> Shape(JsonElement json)
    {
        var paths = new List<string>();
        if (json.ValueKind == JsonValueKind.Array)
            Items(json, "[]", paths);
        else
            foreach (var property in json.EnumerateObject())
                Visit(property.Value, property.Name, paths);
        return paths.Distinct().ToList();
    }

    private static void Walk(XElement element, string prefix, List<string> paths)
    {
        var name = prefix + element.Name.LocalName;
        if (Wrappers.Contains(element.Name.LocalName))
            Items(element, name + "/[]", paths);
        else if (element.HasElements)
            foreach (var child in element.Elements())
                Walk(child, name + "/", paths);
        else
            paths.Add(name);
    }

    private static void Items(XElement wrapper, string path, List<string> paths)
    {
        if (!wrapper.HasElements)
            paths.Add(path);
        foreach (var item in wrapper.Elements())
        {
            if (item.HasElements)
                foreach (var child in item.Elements())
                    Walk(child, path + "/", paths);
            else
                paths.Add(path);
        }
    }

    private static void Visit(JsonElement value, string path, List<string> paths)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                Items(value, path + "/[]", paths);
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                    Visit(property.Value, path + "/" + property.Name, paths);
                break;
            default:
                paths.Add(path);
                break;
        }
    }

    private static void Items(JsonElement array, string path, List<string> paths)
    {
        if (array.GetArrayLength() == 0)
            paths.Add(path);
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
                foreach (var property in item.EnumerateObject())
                    Visit(property.Value, path + "/" + property.Name, paths);
            else
                paths.Add(path);
        }
    }
}
