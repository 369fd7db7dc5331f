FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish Onboarding.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# Fonts for the PDF plan pack, found through fontconfig: DejaVu as the configured family, Noto
# for the scripts it lacks (Devanagari and others) and Symbola for emoji, in outlines that
# embed in a PDF (a colour bitmap emoji font would not).
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core fonts-noto-core fonts-symbola tzdata \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENTRYPOINT ["dotnet", "Onboarding.Web.dll"]
