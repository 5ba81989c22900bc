using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Audiences.Districts;
using Rathausplatz.Features.Newsroom.Media;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Reports;

/// <summary>A photo as it arrives; read (up to <see cref="SubmitReport.MaxPhotoBytes"/>) and re-encoded by the use case.</summary>
public sealed record PhotoUpload(Stream Content);

/// <summary>What a reporter sends, from the web form or an Open311 client.</summary>
public sealed record SubmitReportInput
{
    /// <summary>The category's <see cref="ReportCategory.Code"/> (Open311 <c>service_code</c>).</summary>
    public required string CategoryCode { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    /// <summary>Where it is, in words; without coordinates it is looked up with the geocoder (if one is configured).</summary>
    public string? Address { get; init; }
    public required string Description { get; init; }
    public string? Email { get; init; }
    /// <summary>The signed-in account, if any: its confirmed address counts as verified.</summary>
    public Guid? ReporterUserId { get; init; }
    /// <summary>"de" or "en": the language of the reporter's mails.</summary>
    public string Language { get; init; } = "de";
    /// <summary>Answers to the category's fields by field code (several values for a multi-value list).</summary>
    public IReadOnlyDictionary<string, string[]> Answers { get; init; } = new Dictionary<string, string[]>();
    public IReadOnlyList<PhotoUpload> Photos { get; init; } = [];
    /// <summary>The Open311 client application, if it came through the API.</summary>
    public Guid? ClientApplicationId { get; init; }
}

/// <summary>Every reason a report is refused; the caller turns each into a message or an Open311 error.</summary>
public enum SubmitProblem
{
    UnknownCategory,
    InactiveCategory,
    /// <summary><see cref="SubmitRefusal.Field"/> names the field code.</summary>
    MissingField,
    /// <summary>Not a number, a date or one of the list's keys; <see cref="SubmitRefusal.Field"/> names the field code.</summary>
    InvalidFieldValue,
    LocationMissing,
    CoordinatesOutOfRange,
    AddressTooLong,
    AddressNotFound,
    OutsideArea,
    DescriptionTooShort,
    DescriptionTooLong,
    EmailInvalid,
    EmailRequired,
    TooManyPhotos,
    /// <summary><see cref="SubmitRefusal.Field"/> is the photo's position (0-based).</summary>
    PhotoTooLarge,
    NotAnImage,
    DamagedImage,
}

public sealed record SubmitRefusal(SubmitProblem Problem, string? Field = null);

/// <summary>The stored report, or every refusal found (a form shows them all; Open311 answers the first).</summary>
public sealed record SubmitReportResult(Report? Report, IReadOnlyList<SubmitRefusal> Refusals)
{
    public bool Accepted => Report is not null;
}

/// <summary>
/// Takes a report from the web form or an Open311 client: checks everything, places it (district by
/// point-in-polygon, inside the organisation's area), routes it to the category's department with its
/// due date, re-encodes the photos (EXIF and GPS gone) and stores report, first history entry, photos
/// and the address-confirmation mail in one transaction.
/// </summary>
public sealed class SubmitReport(AppDb db, TimeProvider time, ReportArea area, AddressGeocoder geocoder, ReportMails mails,
    UserManager<User> users)
{
    public const long MaxPhotoBytes = 10 * 1024 * 1024;
    public const int MaxAddress = 300;
    public const int MaxAnswer = 4000;

    public async Task<SubmitReportResult> RunAsync(SubmitReportInput input, MailSender sender, CancellationToken ct)
    {
        var refusals = new List<SubmitRefusal>();
        var settings = await ReportSettings.LoadAsync(db, ct);
        var code = input.CategoryCode?.Trim() ?? "";
        var category = await db.Set<ReportCategory>().AsNoTracking().Include(c => c.Fields)
            .SingleOrDefaultAsync(c => c.Code == code, ct);
        if (category is null)
            refusals.Add(new(SubmitProblem.UnknownCategory));
        else if (!category.Active)
            refusals.Add(new(SubmitProblem.InactiveCategory));

        var answers = category is null ? [] : CheckAnswers(category, input.Answers, refusals);

        var description = (input.Description ?? "").Trim();
        if (description.Length < Report.MinDescription)
            refusals.Add(new(SubmitProblem.DescriptionTooShort));
        else if (description.Length > Report.MaxDescription)
            refusals.Add(new(SubmitProblem.DescriptionTooLong));

        var (email, verifiedAt) = await CheckEmailAsync(input, settings, refusals);

        var address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        if (address?.Length > MaxAddress)
        {
            refusals.Add(new(SubmitProblem.AddressTooLong));
            address = null;
        }
        var place = await PlaceAsync(input, address, settings, refusals, ct);

        var photos = await ReadPhotosAsync(input.Photos, settings.MaxPhotos, refusals, ct);

        if (refusals.Count > 0 || category is null || place is null)
            return new(null, refusals);

        var now = time.GetUtcNow().UtcDateTime;
        var report = new Report
        {
            PublicId = await NewPublicIdAsync(ct),
            CategoryId = category.Id,
            Status = ReportStatus.Received,
            Description = description,
            Latitude = place.Value.Latitude,
            Longitude = place.Value.Longitude,
            Address = address,
            DistrictId = place.Value.DistrictId,
            RequestedAt = now,
            UpdatedAt = now,
            ExpectedAt = category.DueDays is { } days ? now.AddDays(days) : null,
            DepartmentId = category.DepartmentId,
            ReporterEmail = email,
            ReporterEmailVerifiedAt = verifiedAt,
            ReporterUserId = input.ReporterUserId,
            ReporterLanguage = input.Language == "en" ? "en" : "de",
            ClientApplicationId = input.ClientApplicationId,
            Answers = answers,
        };
        db.Add(report);
        db.Add(new ReportUpdate { ReportId = report.Id, At = now, Kind = ReportUpdateKind.StatusChange, Status = ReportStatus.Received, Public = true });
        for (var i = 0; i < photos.Count; i++)
        {
            var processed = photos[i];
            db.Add(new ReportPhoto
            {
                ReportId = report.Id,
                Position = i,
                Width = processed.Width,
                Height = processed.Height,
                CreatedAt = now,
                Variants = processed.Variants!.Select(v => new ReportPhotoVariant
                {
                    Width = v.Width, Height = v.Height, ContentType = v.ContentType, Hash = v.Hash, Bytes = v.Bytes,
                }).ToList(),
            });
        }
        if (email is not null && verifiedAt is null)
            mails.QueueReporterConfirmation(report, sender);
        await db.SaveChangesAsync(ct);
        return new(report, []);
    }

    private static Dictionary<string, List<string>> CheckAnswers(ReportCategory category, IReadOnlyDictionary<string, string[]> given,
        List<SubmitRefusal> refusals)
    {
        var answers = new Dictionary<string, List<string>>();
        foreach (var field in category.Fields.Where(f => f.Variable).OrderBy(f => f.Position).ThenBy(f => f.Code, StringComparer.Ordinal))
        {
            var values = (given.TryGetValue(field.Code, out var v) ? v : [])
                .Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).Distinct().ToList();
            if (values.Count == 0)
            {
                if (field.Required)
                    refusals.Add(new(SubmitProblem.MissingField, field.Code));
                continue;
            }
            if (!Valid(field, values))
            {
                refusals.Add(new(SubmitProblem.InvalidFieldValue, field.Code));
                continue;
            }
            answers[field.Code] = values;
        }
        return answers;
    }

    private static bool Valid(ReportCategoryField field, List<string> values) => field.Datatype switch
    {
        ReportFieldType.String => values is [{ Length: <= 500 }],
        ReportFieldType.Text => values is [{ Length: <= MaxAnswer }],
        ReportFieldType.Number => values is [var n] && double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d),
        ReportFieldType.Datetime => values is [var t] && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
        ReportFieldType.SingleValueList => values is [var key] && field.Values.Any(x => x.Key == key),
        ReportFieldType.MultiValueList => values.All(key => field.Values.Any(x => x.Key == key)),
        _ => false,
    };

    private async Task<(string? Email, DateTime? VerifiedAt)> CheckEmailAsync(SubmitReportInput input, ReportSettings settings, List<SubmitRefusal> refusals)
    {
        var account = input.ReporterUserId is { } userId ? await users.FindByIdAsync(userId.ToString()) : null;
        var accountEmail = account is { EmailConfirmed: true, Email: { } confirmed } ? EmailAddresses.Normalize(confirmed) : null;
        if (string.IsNullOrWhiteSpace(input.Email))
        {
            if (accountEmail is not null)
                return (accountEmail, time.GetUtcNow().UtcDateTime);
            if (!settings.AnonymousAllowed && account is null)
                refusals.Add(new(SubmitProblem.EmailRequired));
            return (null, null);
        }
        var email = EmailAddresses.Normalize(input.Email);
        if (email.Length > 254 || !new EmailAddressAttribute().IsValid(email) || email.Contains(' ', StringComparison.Ordinal))
        {
            refusals.Add(new(SubmitProblem.EmailInvalid));
            return (null, null);
        }
        return (email, email == accountEmail ? time.GetUtcNow().UtcDateTime : null);
    }

    private async Task<(double Latitude, double Longitude, Guid? DistrictId)?> PlaceAsync(SubmitReportInput input, string? address,
        ReportSettings settings, List<SubmitRefusal> refusals, CancellationToken ct)
    {
        double latitude, longitude;
        if (input.Latitude is { } lat && input.Longitude is { } lon)
        {
            (latitude, longitude) = (lat, lon);
        }
        else if (address is not null)
        {
            if (await geocoder.FindAsync(address, ct) is not { } found)
            {
                refusals.Add(new(SubmitProblem.AddressNotFound));
                return null;
            }
            (latitude, longitude) = found;
        }
        else
        {
            refusals.Add(new(SubmitProblem.LocationMissing));
            return null;
        }
        if (!DistrictLocator.InRange(latitude, longitude))
        {
            refusals.Add(new(SubmitProblem.CoordinatesOutOfRange));
            return null;
        }
        var placement = await area.PlaceAsync(latitude, longitude, settings, ct);
        if (!placement.Inside)
        {
            refusals.Add(new(SubmitProblem.OutsideArea));
            return null;
        }
        return (latitude, longitude, placement.District?.Id);
    }

    private static async Task<List<ProcessedImage>> ReadPhotosAsync(IReadOnlyList<PhotoUpload> uploads, int maxPhotos, List<SubmitRefusal> refusals,
        CancellationToken ct)
    {
        var processed = new List<ProcessedImage>();
        if (uploads.Count > maxPhotos)
        {
            refusals.Add(new(SubmitProblem.TooManyPhotos));
            return processed;
        }
        for (var i = 0; i < uploads.Count; i++)
        {
            var bytes = await PostMediaRules.ReadAsync(uploads[i].Content, MaxPhotoBytes, ct);
            if (bytes is null)
            {
                refusals.Add(new(SubmitProblem.PhotoTooLarge, i.ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            var image = ImageProcessor.Process(bytes);
            switch (image.Problem)
            {
                case ImageProblem.None:
                    processed.Add(image);
                    break;
                case ImageProblem.NotAnImage:
                    refusals.Add(new(SubmitProblem.NotAnImage, i.ToString(CultureInfo.InvariantCulture)));
                    break;
                case ImageProblem.TooManyPixels:
                    refusals.Add(new(SubmitProblem.PhotoTooLarge, i.ToString(CultureInfo.InvariantCulture)));
                    break;
                default:
                    refusals.Add(new(SubmitProblem.DamagedImage, i.ToString(CultureInfo.InvariantCulture)));
                    break;
            }
        }
        return processed;
    }

    private async Task<string> NewPublicIdAsync(CancellationToken ct)
    {
        // 30^8 ids: a clash is rare, but a unique index violation would lose the report, so look first.
        while (true)
        {
            var id = ReportIds.New();
            if (!await db.Set<Report>().AnyAsync(r => r.PublicId == id, ct))
                return id;
        }
    }
}
