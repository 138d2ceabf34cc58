// A refused change to the external LAN (a bad lab directive or a damaged configuration file). The LAN is
// configured by the lab, not through the HMC, so its refusals are plain messages, not HSCL errors.
export class LanError extends Error {
  override name = 'LanError';
}
