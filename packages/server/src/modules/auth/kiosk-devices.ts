// CardReader and FaceVerifier at the kiosk. The defaults are SIMULATED devices: the "chip read" is an ID
// number sent in the request and the "face check" a faceMatch flag. Labelled SIMULATED in answers and logs.

/** What the kiosk sends when a card is placed (simulated fields stand in for the device's readings). */
export interface KioskReading {
  idNumber?: string | undefined;
  faceMatch?: boolean | undefined;
}

/** Reads the resident ID card (二代身份证) on the kiosk's reader. */
export interface CardReader {
  readonly label: string;
  read(reading: KioskReading): Promise<{ idNumber: string } | undefined>;
}

/** Compares the live face with the card's photo. */
export interface FaceVerifier {
  readonly label: string;
  verify(idNumber: string, reading: KioskReading): Promise<boolean>;
}

/** SIMULATED card reader: accepts the ID number in the request as the chip read. */
export const simulatedCardReader: CardReader = {
  label: 'SIMULATED card reader (模拟读卡器)',
  async read(reading) {
    return reading.idNumber ? { idNumber: reading.idNumber } : undefined;
  },
};

/** SIMULATED face verifier: passes when the request says `faceMatch: true`. */
export const simulatedFaceVerifier: FaceVerifier = {
  label: 'SIMULATED face verifier (模拟人脸核验)',
  async verify(_idNumber, reading) {
    return reading.faceMatch === true;
  },
};
