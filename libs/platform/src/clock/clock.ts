import { Injectable } from '@nestjs/common';

/** The time source of use cases; tests replace it with a fixed or stepping clock. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
