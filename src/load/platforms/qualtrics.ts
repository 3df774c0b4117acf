import type { PlatformLayout } from "./types.js";

/**
 * Qualtrics ("Export data", choice text): three header rows (question ids such as `Q12_3`, then the texts, then
 * `{"ImportId":...}`); multi-selects in one `... - Selected Choice` column joined with ","; Other text in
 * `... - <option> - Text`; matrix items as `Question - Item`. Status marks survey previews and tests; Finished
 * marks unfinished responses. CSV and XLSX.
 */
export const qualtrics: PlatformLayout = {
  id: "qualtrics",
  name: "Qualtrics",
  formats: ["csv", "xlsx"],
  admin: {
    response_id: ["ResponseId", "Response ID"],
    started: ["StartDate", "Start Date"],
    completed: ["EndDate", "End Date"],
    ip_address: ["IPAddress", "IP Address"],
    email: ["RecipientEmail", "Recipient Email"],
    name: ["RecipientFirstName", "RecipientLastName", "Recipient First Name", "Recipient Last Name"],
    location: ["LocationLatitude", "LocationLongitude", "Location Latitude", "Location Longitude"],
    status: ["Status", "Response Type"],
    finished: ["Finished"],
    progress: ["Progress"],
  },
  ignore: [
    "Duration (in seconds)",
    "RecordedDate",
    "Recorded Date",
    "ExternalReference",
    "External Data Reference",
    "DistributionChannel",
    "Distribution Channel",
    "UserLanguage",
    "User Language",
  ],
  signature: ["StartDate", "EndDate", "Status", "Progress", "Finished", "RecordedDate", "ResponseId"],
  minSignature: 3,
  header: "qualtrics",
  subColumns: ["dash", "bracket"],
  suffixes: [" - Selected Choice"],
  multiSelect: '","-joined',
  notResponses: ["Survey Preview", "Survey Test", "Spam", "1", "2", "8"],
};
