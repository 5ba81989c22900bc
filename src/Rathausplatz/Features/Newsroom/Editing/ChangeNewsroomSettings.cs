using Rathausplatz.Data;

namespace Rathausplatz.Features.Newsroom.Editing;

/// <summary>An organisation admin switches four-eyes review on or off. Posts already in review stay there.</summary>
public sealed class ChangeNewsroomSettings(AppDb db)
{
    public Task<bool> FourEyesReviewAsync(CancellationToken ct) => NewsroomSettingsReader.FourEyesAsync(db, ct);

    public async Task SetFourEyesReviewAsync(bool on, CancellationToken ct)
    {
        var settings = await db.Set<NewsroomSettings>().SingleOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new NewsroomSettings();
            db.Add(settings);
        }
        settings.FourEyesReview = on;
        await db.SaveChangesAsync(ct);
    }
}
