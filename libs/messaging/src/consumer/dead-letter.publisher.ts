import { Injectable } from '@nestjs/common';
import { deadLetterTopic, DeadLetterHeaders, type DeadLetterReason } from '@hub/contracts';
import type { KafkaMessage } from 'kafkajs';
import { KafkaClient } from '../kafka/kafka.client';

export interface DeadLetter {
  consumer: string;
  topic: string;
  partition: number;
  message: KafkaMessage;
  reason: DeadLetterReason;
  error: string;
}

/** Parks a message on `<topic>.dlq` with its original key, value and headers plus the reason. */
@Injectable()
export class DeadLetterPublisher {
  constructor(private readonly kafka: KafkaClient) {}

  async publish(letter: DeadLetter): Promise<void> {
    await this.kafka.connectProducer();
    await this.kafka.producer.send({
      topic: deadLetterTopic(letter.topic),
      acks: -1,
      messages: [
        {
          key: letter.message.key,
          value: letter.message.value,
          headers: {
            ...letter.message.headers,
            [DeadLetterHeaders.Reason]: letter.reason,
            [DeadLetterHeaders.Error]: letter.error.slice(0, 2000),
            [DeadLetterHeaders.Consumer]: letter.consumer,
            [DeadLetterHeaders.OriginalTopic]: letter.topic,
            [DeadLetterHeaders.OriginalPartition]: String(letter.partition),
            [DeadLetterHeaders.OriginalOffset]: letter.message.offset,
            [DeadLetterHeaders.FailedAt]: new Date().toISOString(),
          },
        },
      ],
    });
  }
}
